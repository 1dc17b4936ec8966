/**
 * Applying a calibration (`llct simulate --calibrate`, the Simulation view's calibration panel) to a plan: every
 * fitted parameter takes its fitted value, stays `assumed`, and says in its source and its `fitted` block what it was
 * fitted to and with which interval (engine/simulate/calibrate/applyCalibration.ts); the other parameters are kept.
 * One change to the plan's head record: one undo step.
 */
import type { Calibration } from '../../../engine/simulate/calibrate/calibratePlan.ts';
import { calibratedParameters } from '../../../engine/simulate/calibrate/applyCalibration.ts';
import type { Command } from '../createWorkspaceStore.ts';
import type { RecordId } from '../records.ts';
import { isObject, isRefusal, recordOr, refuse } from './kit.ts';

/** `observations`: how the plan names the observation file the calibration used. */
export function applyPlanCalibration(planId: RecordId, calibration: Calibration, observations: string): Command {
  return {
    type: 'plan/calibration-apply',
    label: { vi: 'Áp dụng tham số đã hiệu chỉnh', en: 'Apply the fitted parameters' },
    run: (records) => {
      const plan = recordOr(records, planId, 'plan', refuse('Không tìm thấy kế hoạch.', 'Plan not found.'));
      if (isRefusal(plan)) return plan;
      if (plan.meta.id !== calibration.plan) {
        return refuse(`Kết quả hiệu chỉnh thuộc kế hoạch "${calibration.plan}", không phải "${String(plan.meta.id)}".`, `The calibration is of plan "${calibration.plan}", not "${String(plan.meta.id)}".`);
      }
      const parameters = calibratedParameters(isObject(plan.meta.parameters) ? plan.meta.parameters : {}, calibration, observations);
      return { put: [{ ...plan, meta: { ...plan.meta, parameters } }] };
    },
  };
}
