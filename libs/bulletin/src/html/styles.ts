/**
 * Inline stylesheet: GOV.UK Frontend's look (typography scale, colours, tables, tags, details)
 * with system fonts, and a print stylesheet for A4. No external assets.
 */
export const STYLES = `
*,*::before,*::after{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{margin:0;font-family:Arial,"Helvetica Neue",Helvetica,sans-serif;font-size:19px;line-height:1.32;color:#0b0c0c;background:#fff;-webkit-font-smoothing:antialiased}
.skip-link{position:absolute;left:-9999px}
.skip-link:focus{left:15px;top:10px;background:#fd0;color:#0b0c0c;padding:5px}
.masthead{background:#0b0c0c;color:#fff;border-bottom:10px solid #1d70b8;padding:14px 0 12px}
.masthead .name{font-weight:700;font-size:24px}
.width{max-width:1020px;margin:0 auto;padding:0 15px}
main{padding:20px 0 40px}
h1{font-size:40px;line-height:1.1;margin:10px 0 20px;font-weight:700}
h2{font-size:32px;line-height:1.1;margin:50px 0 20px;font-weight:700}
h3{font-size:24px;line-height:1.15;margin:30px 0 15px;font-weight:700}
.heading-s{font-size:19px;margin:0 0 10px}
p{margin:0 0 20px}
.caption{color:#505a5f;font-size:24px;margin:20px 0 5px}
.hint{color:#505a5f}
a{color:#1d70b8;text-decoration:underline;text-underline-offset:.1578em}
a:visited{color:#4c2c92}
a:hover{color:#003078}
a:focus{outline:3px solid transparent;color:#0b0c0c;background:#fd0;box-shadow:0 -2px #fd0,0 4px #0b0c0c;text-decoration:none}
.tag{display:inline-block;padding:2px 8px 3px;background:#bbd4ea;color:#0c2d4a;font-weight:400;font-size:19px}
.inset{border-left:10px solid #b1b4b6;padding:15px;margin:20px 0}
.inset p:last-child{margin-bottom:0}
.release-meta{margin:20px 0 30px;border-top:1px solid #b1b4b6}
.release-meta>div{display:flex;border-bottom:1px solid #b1b4b6;padding:10px 0}
.release-meta dt{font-weight:700;flex:0 0 30%;padding-right:20px}
.release-meta dd{margin:0;flex:1}
.contents ol{margin:0 0 30px;padding-left:0;list-style:none}
.contents li{margin-bottom:5px}
.contents li::before{content:"\\2014\\00a0"}
.list{margin:0 0 20px;padding-left:20px}
.list li{margin-bottom:8px}
.table-wrap{overflow-x:auto;margin-bottom:30px}
.table{border-collapse:collapse;border-spacing:0;width:100%;font-size:16px;line-height:1.25}
.table caption{text-align:left;font-weight:700;font-size:19px;margin-bottom:10px}
.table th,.table td{border-bottom:1px solid #b1b4b6;padding:10px 16px 10px 0;text-align:left;vertical-align:top}
.table th:last-child,.table td:last-child{padding-right:0}
.table thead th{font-weight:700;vertical-align:bottom}
.table tbody th{font-weight:400}
.table .num{text-align:right;font-variant-numeric:tabular-nums}
.table td.num{white-space:nowrap}
.table tr.total th,.table tr.total td{font-weight:700}
.table tr.group th{font-weight:700;background:#f3f2f1;padding-left:8px;border-bottom:2px solid #0b0c0c}
.table tr.flagged th{border-left:6px solid #0b0c0c;padding-left:10px;font-weight:700}
.flag{font-weight:700}
.flag::before{content:"\\26A0\\00a0"}
abbr.symbol{text-decoration:none;border-bottom:1px dotted #505a5f;cursor:help}
.chart-figure{margin:0 0 20px}
.chart-title{margin-bottom:5px}
.chart-subtitle{color:#505a5f;margin-bottom:10px}
svg.chart{display:block;width:100%;max-width:760px;height:auto}
.chart-note{color:#505a5f;font-size:16px;margin-top:10px}
.details{margin:0 0 30px}
.details summary{display:inline-block;cursor:pointer;color:#1d70b8;text-decoration:underline;padding-left:25px;position:relative;margin-bottom:10px}
.details summary::-webkit-details-marker{display:none}
.details summary::before{content:"";position:absolute;left:0;top:-1px;bottom:0;margin:auto;border-style:solid;border-color:transparent;border-width:7px 0 7px 12.124px;border-left-color:inherit;width:0;height:0}
.details[open] summary::before{border-width:12.124px 7px 0 7px;border-color:transparent;border-top-color:inherit}
.details summary:focus{outline:3px solid transparent;color:#0b0c0c;background:#fd0;box-shadow:0 -2px #fd0,0 4px #0b0c0c;text-decoration:none}
.details[open]>*:not(summary){border-left:5px solid #b1b4b6;padding-left:15px}
.symbols>div{display:flex;border-bottom:1px solid #b1b4b6;padding:8px 0}
.symbols dt{font-weight:700;flex:0 0 3em}
.symbols dd{margin:0}
.la-table{font-size:15px}
.page-footer{border-top:1px solid #b1b4b6;padding:20px 0 40px;color:#505a5f;font-size:16px}
@media (max-width:640px){body{font-size:16px}h1{font-size:30px}h2{font-size:24px}h3{font-size:19px}.release-meta>div{display:block}}
@page{size:A4;margin:15mm 12mm 18mm}
@media print{
  *{background:transparent!important;box-shadow:none!important;text-shadow:none!important}
  body{font-size:11pt;line-height:1.3;color:#000}
  .width{max-width:none;padding:0}
  main{padding:0}
  .masthead{color:#000;border-bottom:2pt solid #000;padding:0 0 4pt}
  .skip-link,.contents{display:none}
  h1{font-size:22pt}
  h2{font-size:17pt;margin-top:0}
  h3{font-size:13pt}
  h2,h3,.chart-title,.chart-subtitle,caption{break-after:avoid;page-break-after:avoid}
  .section{break-before:page;page-break-before:always}
  .section.first{break-before:auto;page-break-before:auto}
  figure,.table tr,.symbols>div,.inset{break-inside:avoid;page-break-inside:avoid}
  thead{display:table-header-group}
  .table-wrap{overflow:visible}
  .table{font-size:9pt}
  .table th,.table td{padding:3pt 8pt 3pt 0}
  .table tr.group th{border-bottom:1pt solid #000}
  svg.chart{width:100%;max-width:100%;height:auto}
  a{color:#000}
  a[href]:not([href^="#"]):not([href^="mailto:"])::after{content:" (" attr(href) ")";font-size:90%;word-break:break-all}
  .tag{border:1pt solid #000;color:#000}
  .details summary{display:none}
  .details[open]>*:not(summary){border-left:0;padding-left:0}
}
`;
