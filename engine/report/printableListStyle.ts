/**
 * The printable list's stylesheet: A4 landscape, Times New Roman as Party documents are typed, the table's heading
 * repeated on every page, no row cut across two, page numbers at the foot of each page; on a screen, the same page
 * readable down to a phone's width.
 */
export const PRINTABLE_LIST_STYLE = `@page{size:A4 landscape;margin:15mm 15mm 15mm 20mm;@bottom-center{content:counter(page) " / " counter(pages);font:10pt "Times New Roman",serif}}
*{box-sizing:border-box}body{font:13pt/1.35 "Times New Roman","Liberation Serif","DejaVu Serif",serif;color:#000;margin:0 auto;max-width:277mm;padding:8mm}
.doc-head{display:flex;justify-content:space-between;gap:1rem;text-align:center}.doc-head .left,.doc-head .right{flex:0 1 auto}
.body-name{font-weight:bold}.star{line-height:1}.party{font-weight:bold;text-decoration:underline}.dated{font-style:italic;margin-top:.5rem}
h1{text-align:center;margin:1rem 0 .25rem;font-size:15pt}h1 span{display:block}h1 small{display:block;font-size:13pt;font-weight:bold}
.basis{text-align:center;font-style:italic;margin:0 0 .75rem}
table{width:100%;border-collapse:collapse;font-size:11pt;table-layout:fixed}
.c-num{width:4%}.c-name{width:15%}.c-date{width:9%}.c-pos{width:17%}.c-verdict{width:10%}.c-reasons{width:30%}.c-school{width:15%}th,td{border:1px solid #000;padding:2pt 4pt;vertical-align:top;text-align:left}
thead{display:table-header-group}tfoot{display:table-row-group}tr{break-inside:avoid;page-break-inside:avoid}
th{text-align:center;font-weight:bold}.num{text-align:center;width:3em}.date{white-space:nowrap}.id{font-size:9pt;color:#333}
.agency td{font-weight:bold;background:#eee;-webkit-print-color-adjust:exact;print-color-adjust:exact}
.verdict{white-space:nowrap}.v-ineligible .verdict,.v-invalid .verdict{font-weight:bold}
.reasons ul{margin:0;padding-left:1em}.cite{font-size:10pt}.conf{font-size:9pt;font-style:italic}
.total td{font-weight:bold}.note{font-size:10pt;font-style:italic}
.doc-foot{display:flex;justify-content:space-between;gap:2rem;margin-top:1rem;break-inside:avoid;page-break-inside:avoid}
.recipients{font-size:11pt}.signer{text-align:center;min-width:40%}.signer .cap,.signer .title{font-weight:bold}.signer .space{height:25mm}.signer .name{font-weight:bold}
@media print{body{padding:0;max-width:none}}
@media screen and (max-width:700px){body{padding:.5rem;font-size:12pt}.doc-head,.doc-foot{flex-direction:column}
table,thead,tbody,tfoot,tr,td,th{display:block}thead{display:none}tr.row{border-bottom:1px solid #000;padding:.25rem 0}td{border:0;padding:.1rem 0}}`;
