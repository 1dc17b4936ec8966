/**
 * The inline style and script of the HTML report (renderHtmlReport.ts). The script reads the JSON block and draws
 * the charts with Chart.js (the global `Chart` of its UMD build): graduates by month (median with the p5–p95 band),
 * learners at opening against capacity by class, ineligible by rule, a Gantt-like timeline of the classes (median
 * opening to median graduation), and for a comparison the KPIs of both sides. No network, no eval.
 */
export const REPORT_STYLE = `body{font:14px/1.45 system-ui,sans-serif;margin:0;color:#1d2330;background:#f7f8fa}header{background:#7a1f1f;color:#fff;padding:16px 24px}h1{margin:0;font-size:20px}main{padding:8px 24px 40px}section{background:#fff;border:1px solid #dde1e8;border-radius:6px;margin:14px 0;padding:10px 16px}h2{font-size:16px;margin:6px 0 10px}table{border-collapse:collapse;width:100%}th,td{text-align:left;padding:4px 8px;border-bottom:1px solid #eef0f4;vertical-align:top}.iv{color:#6b7280;font-size:12px}.src{color:#4b5563;font-size:12px;overflow-wrap:anywhere}.o-article{color:#166534}.o-assumed{color:#b45309}.o-derived{color:#1d4ed8}.ref{color:#b91c1c;font-weight:normal}.grid{display:grid;grid-template-columns:repeat(auto-fit,minmax(min(460px,100%),1fr));gap:16px}.chart{position:relative;min-width:0;height:320px}.chart-tall{height:480px}details{margin:4px 0}ol{margin:4px 0 8px}section{overflow-x:auto}@media (max-width:600px){header{padding:12px}main{padding:4px 8px 32px}section{padding:8px}th,td{padding:4px}}`;

export const REPORT_SCRIPT = `(function(){
var d=JSON.parse(document.getElementById('llct-data').textContent);var vi=d.lang==='vi';
function el(id){return document.getElementById(id);}
function chart(id,cfg){var c=el(id);if(c&&window.Chart){new window.Chart(c,cfg);}}
// Chart.js writes the scales it resolves into the options object it is given: every chart gets a fresh one.
function opts(extra){return Object.assign({animation:false,responsive:true,maintainAspectRatio:false,plugins:{legend:{position:'bottom'}}},extra||{});}
if(d.kind==='simulation'){
chart('c-month',{type:'bar',data:{labels:d.months.map(function(m){return m.label;}),datasets:[
{type:'bar',label:vi?'Tốt nghiệp theo tháng (p50)':'Graduates by month (p50)',data:d.months.map(function(m){return m.p50;}),backgroundColor:'#b91c1c'},
{type:'line',label:'p5',data:d.months.map(function(m){return m.p5;}),borderColor:'#9ca3af',pointRadius:0},
{type:'line',label:'p95',data:d.months.map(function(m){return m.p95;}),borderColor:'#4b5563',pointRadius:0}]},options:opts()});
chart('c-class',{type:'bar',data:{labels:d.classes.map(function(c){return c.id;}),datasets:[
{label:vi?'Sĩ số tối đa':'Maximum size',data:d.classes.map(function(c){return c.max;}),backgroundColor:'#e5e7eb'},
{label:vi?'Khi khai giảng (p50)':'At opening (p50)',data:d.classes.map(function(c){return c.atOpening;}),backgroundColor:'#1d4ed8'},
{label:vi?'Tốt nghiệp (p50)':'Graduates (p50)',data:d.classes.map(function(c){return c.graduates;}),backgroundColor:'#15803d'}]},options:opts()});
chart('c-rule',{type:'bar',data:{labels:d.rules.map(function(r){return r.rule;}),datasets:[{label:vi?'Không đủ điều kiện theo quy tắc (p50)':'Not eligible by rule (p50)',data:d.rules.map(function(r){return r.p50;}),backgroundColor:'#b45309'}]},options:opts({indexAxis:'y'})});
var day=function(s){return s?Date.UTC(+s.slice(0,4),+s.slice(5,7)-1,+s.slice(8,10))/864e5:null;};
var fmt=function(n){var t=new Date(n*864e5);var p=function(x){return (x<10?'0':'')+x;};return p(t.getUTCDate())+'/'+p(t.getUTCMonth()+1)+'/'+t.getUTCFullYear();};
var g=d.classes.filter(function(c){return c.opened&&c.graduated;});
chart('c-gantt',{type:'bar',data:{labels:g.map(function(c){return c.id;}),datasets:[{label:vi?'Khai giảng → tốt nghiệp (p50)':'Opening → graduation (p50)',data:g.map(function(c){return [day(c.opened),day(c.graduated)];}),backgroundColor:'#7a1f1f'}]},
options:opts({indexAxis:'y',scales:{x:{min:Math.min.apply(null,g.map(function(c){return day(c.opened);}))-10,ticks:{includeBounds:false,callback:function(v){return fmt(v);}}}}})});
}else{
chart('c-delta',{type:'bar',data:{labels:d.kpis.map(function(k){return k.label;}),datasets:[{label:'A (p50)',data:d.kpis.map(function(k){return k.a;}),backgroundColor:'#1d4ed8'},{label:'B (p50)',data:d.kpis.map(function(k){return k.b;}),backgroundColor:'#b91c1c'}]},options:opts({indexAxis:'y'})});
}
})();`;
