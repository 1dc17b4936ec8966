/**
 * A task boundary inside a worker without the 4 ms that nested timers are clamped to: the messages already queued (a
 * cancel) run first. The simulation and calibration workers yield with it between runs.
 */
export function taskPause(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => { channel.port1.close(); resolve(); };
    channel.port2.postMessage(0);
  });
}
