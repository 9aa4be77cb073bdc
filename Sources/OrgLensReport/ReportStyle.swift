/// The page's own style and its one small script (sorting a table by a column); both inline, nothing loaded.
enum ReportStyle {
    /// Forbids every load: the page opens offline and cannot call out.
    static let contentSecurityPolicy =
        "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'"

    static let css = """
        :root{--ink:#1d2430;--muted:#5b6573;--line:#d8dde4;--narrow:#8e6cc7;--healthy:#2f8f5b;--wide:#d08b1f;--split:#c0392b;--bar:#3b6ea8}
        *{box-sizing:border-box}
        body{margin:0;font:15px/1.5 "DejaVu Sans",system-ui,sans-serif;color:var(--ink);background:#fff}
        main{max-width:1200px;margin:0 auto;padding:16px}
        h1{font-size:1.5rem;margin:.2rem 0}
        h2{font-size:1.15rem;margin:1.6rem 0 .5rem;border-bottom:2px solid var(--line);padding-bottom:.2rem}
        .muted{color:var(--muted)}
        .cards{display:grid;grid-template-columns:repeat(auto-fit,minmax(150px,1fr));gap:10px}
        .card{border:1px solid var(--line);border-radius:6px;padding:10px}
        .card .big{font-size:1.6rem;font-weight:bold;display:block}
        .grid{display:grid;grid-template-columns:repeat(auto-fit,minmax(320px,1fr));gap:16px;align-items:start}
        .scroll{overflow-x:auto}
        table{border-collapse:collapse;width:100%;font-size:.9rem}
        caption{text-align:left;font-weight:bold;padding:.3rem 0}
        th,td{border-bottom:1px solid var(--line);padding:4px 6px;text-align:left;vertical-align:top}
        th{background:#f3f5f8;cursor:pointer}
        td.n,th.n{text-align:right}
        .band{display:inline-block;padding:0 6px;border-radius:3px;color:#fff;font-size:.8rem}
        .band-narrow{background:var(--narrow)}.band-healthy{background:var(--healthy)}
        .band-wide{background:var(--wide)}.band-split{background:var(--split)}
        .suppressed{color:var(--muted);font-style:italic}
        svg{max-width:100%;height:auto}
        footer{margin:2rem 0 1rem;color:var(--muted);font-size:.85rem;border-top:1px solid var(--line);padding-top:.5rem}
        @media (max-width:600px){main{padding:8px}.card .big{font-size:1.3rem}h1{font-size:1.25rem}}
        @media print{@page{size:auto;margin:12mm}body{font-size:11pt}.scroll{overflow:visible}section{break-inside:avoid-page}th{cursor:auto}}
        """

    static let script = """
        document.querySelectorAll("table.sortable th").forEach(function(th,col){th.addEventListener("click",function(){
        var body=th.closest("table").tBodies[0];var rows=Array.prototype.slice.call(body.rows);var up=th.dataset.dir!=="asc";
        th.dataset.dir=up?"asc":"desc";rows.sort(function(a,b){var x=a.cells[col].textContent,y=b.cells[col].textContent;
        var p=parseFloat(x),q=parseFloat(y);var r=(!isNaN(p)&&!isNaN(q))?p-q:x.localeCompare(y);return up?r:-r;});
        rows.forEach(function(r){body.appendChild(r);});});});
        """
}
