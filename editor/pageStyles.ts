/**
 * Every view's stylesheet, loaded with the page's entry in the order the single-bundle page had them. The views'
 * scripts load with their tabs, but their styles share classes (the lifecycle editor is laid out by rules.css's
 * editor classes, `visually-hidden` lives in diff.css, …), so a tab opened first must find them all; and one order
 * keeps the cascade as it was. About 45 kB of CSS (9.4 kB gzipped), against megabytes of script.
 */
import './check/cadreForm.css';
import './diff/diff.css';
import '@xyflow/react/dist/style.css';
import './lifecycles/lifecycles.css';
import './rules/canvas/canvas.css';
import './shared/undoRedo.css';
import './ViewTabs.css';
import './rules/coverage.css';
import './rules/rules.css';
import './simulation/simulation.css';
import './styles.css';
import './publish/publish.css';
