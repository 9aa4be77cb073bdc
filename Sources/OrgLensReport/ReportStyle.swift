/// The page's own style and its small script (sorting a table by a column, drawing the org chart a level at a
/// time, finding a manager in it); both inline, nothing loaded.
enum ReportStyle {
    /// Forbids every load: the page opens offline and cannot call out.
    static let contentSecurityPolicy =
        "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'"

    static let css = """
        :root{--ink:#1d2430;--muted:#5b6573;--line:#d8dde4;--narrow:#8e6cc7;--healthy:#2f8f5b;--wide:#d08b1f;--split:#c0392b;--bar:#3b6ea8}
        *{box-sizing:border-box}
        body{margin:0;font:15px/1.5 "DejaVu Sans",system-ui,sans-serif;color:var(--ink);background:#fff}
        main{max-width:1200px;margin:0 auto;padding:16px;overflow-wrap:anywhere}
        h1{font-size:1.5rem;margin:.2rem 0}
        h2{font-size:1.15rem;margin:1.6rem 0 .5rem;border-bottom:2px solid var(--line);padding-bottom:.2rem}
        h3{font-size:1rem;margin:1rem 0 .3rem}
        nav{display:flex;flex-wrap:wrap;gap:.2rem .4rem;font-size:.9rem}
        nav a{color:var(--bar)}
        .muted{color:var(--muted)}
        .cards{display:grid;grid-template-columns:repeat(auto-fit,minmax(150px,1fr));gap:10px}
        .card{border:1px solid var(--line);border-radius:6px;padding:10px}
        .card .big{font-size:1.6rem;font-weight:bold;display:block}
        .grid{display:grid;grid-template-columns:repeat(auto-fit,minmax(300px,1fr));gap:16px;align-items:start}
        figure{margin:0}figcaption{font-weight:bold;font-size:.9rem}
        ol.actions{padding-left:1.4rem}ol.actions li{margin:.25rem 0}
        ol.compact{columns:19rem;column-gap:2rem;padding-left:2.2rem}ol.compact li{margin:.1rem 0;break-inside:avoid}
        .scroll{overflow-x:auto}
        table{border-collapse:collapse;width:100%;font-size:.9rem}
        caption{text-align:left;font-weight:bold;padding:.3rem 0}
        th,td{border-bottom:1px solid var(--line);padding:4px 6px;text-align:left;vertical-align:top}
        th{background:#f3f5f8;cursor:pointer}
        td.n,th.n{text-align:right;font-variant-numeric:tabular-nums}
        .band{display:inline-block;padding:0 6px;border-radius:3px;color:#fff;font-size:.8rem}
        .band-narrow{background:var(--narrow)}.band-healthy{background:var(--healthy)}
        .band-wide{background:var(--wide)}.band-split{background:var(--split)}
        .suppressed{color:var(--muted);font-style:italic;font-size:.9rem}
        svg{max-width:100%;height:auto}
        svg text{font:11px "DejaVu Sans",sans-serif;fill:var(--ink)}
        svg .axis{fill:var(--muted)}svg .value{font-weight:bold}
        svg .grid{stroke:#eceff3}svg .baseline{stroke:#888}
        svg .trendline{fill:none;stroke:var(--bar);stroke-width:2}svg .point{fill:var(--bar)}
        .search{margin:.5rem 0}.search input{font:inherit;padding:2px 6px;max-width:60vw}
        .tree,.tree ul{list-style:none;margin:0;padding-left:14px}.tree{padding-left:0}
        .tree li{margin:3px 0}
        .node{display:inline-block;max-width:100%;border:1px solid var(--line);border-left:6px solid var(--bar);border-radius:4px;padding:2px 8px;background:#fff}
        .node.narrow{border-left-color:var(--narrow)}.node.healthy{border-left-color:var(--healthy)}
        .node.wide{border-left-color:var(--wide)}.node.split{border-left-color:var(--split)}
        .node button{font:inherit;width:1.6em;margin-right:4px;cursor:pointer}
        .node.found{outline:3px solid #f1c40f}
        details summary{cursor:pointer;color:var(--bar);margin:.2rem 0 .4rem}
        footer{margin:2rem 0 1rem;color:var(--muted);font-size:.85rem;border-top:1px solid var(--line);padding-top:.5rem}
        @media (max-width:600px){main{padding:8px}.card .big{font-size:1.3rem}h1{font-size:1.25rem}
        table.stack thead{display:none}table.stack,table.stack tbody,table.stack tr{display:block;width:100%}
        table.stack tr{border-bottom:2px solid var(--line);padding:4px 0}
        table.stack caption{display:block}
        table.stack td{display:block;border:0;padding:1px 4px;text-align:right;overflow:hidden}
        table.stack td::before{content:attr(data-label);float:left;margin-right:1em;font-weight:bold;text-align:left}}
        @media print{@page{size:auto;margin:12mm}body{font-size:11pt}.scroll{overflow:visible}section{break-inside:avoid-page}th{cursor:auto}nav,.search,.node button{display:none}}
        """

    static let script = """
        document.querySelectorAll("table.sortable th").forEach(function(th,col){th.addEventListener("click",function(){
        var body=th.closest("table").tBodies[0];var rows=Array.prototype.slice.call(body.rows);var up=th.dataset.dir!=="asc";
        th.dataset.dir=up?"asc":"desc";rows.sort(function(a,b){var x=a.cells[col].textContent.replace(/,/g,""),y=b.cells[col].textContent.replace(/,/g,"");
        var p=parseFloat(x),q=parseFloat(y);var r=(!isNaN(p)&&!isNaN(q))?p-q:x.localeCompare(y);return up?r:-r;});
        rows.forEach(function(r){body.appendChild(r);});});});
        window.addEventListener("beforeprint",function(){document.querySelectorAll("details").forEach(function(d){d.open=true;});});
        (function(){var source=document.getElementById("org-data"),tree=document.getElementById("org-tree");if(!source||!tree)return;
        var data=JSON.parse(source.textContent),rows=data.rows,kids=[],tops=[],depth=[];
        rows.forEach(function(r,i){kids.push([]);});
        rows.forEach(function(r,i){if(r[1]<0)tops.push(i);else kids[r[1]].push(i);});
        function num(i,key,v){return '<span class="num" data-field="managers.'+rows[i][5]+'.'+key+'">'+v.toLocaleString("en-US")+'</span>';}
        function esc(t){return String(t).replace(/[&<>"]/g,function(c){return {"&":"&amp;","<":"&lt;",">":"&gt;",'"':"&quot;"}[c];});}
        function item(i){var r=rows[i],li=document.createElement("li");li.id="m-"+i;li.dataset.id=r[0];
        var box=document.createElement("div");box.className="node "+r[4];
        box.innerHTML=(kids[i].length?'<button type="button" aria-expanded="false" title="managers under '+esc(r[0])+'">+</button>':'')+
        '<strong>'+esc(r[0])+'</strong>'+(r[6]?' <span class="muted">('+esc(r[6])+')</span>':'')+
        ' · span '+num(i,"direct_reports",r[2])+(r[7]?' (+'+num(i,"dotted_reports",r[7])+' dotted)':'')+(r[8]?' · planned '+num(i,"planned_span",r[8]):'')+' · org '+num(i,"org_size",r[3])+(kids[i].length?' · '+kids[i].length+(kids[i].length>1?' managers':' manager')+' under':'');
        li.appendChild(box);var button=box.querySelector("button");if(button)button.addEventListener("click",function(){toggle(li);});return li;}
        function open(li){var i=+li.id.slice(2);if(li.querySelector("ul"))return;var ul=document.createElement("ul");
        kids[i].forEach(function(k){ul.appendChild(item(k));});li.appendChild(ul);var b=li.querySelector("button");if(b){b.textContent="−";b.setAttribute("aria-expanded","true");}}
        function toggle(li){var ul=li.querySelector("ul");if(!ul){open(li);return;}ul.remove();var b=li.querySelector("button");b.textContent="+";b.setAttribute("aria-expanded","false");}
        function level(i){var l=1;while(rows[i][1]>=0){i=rows[i][1];l++;}return l;}
        tops.forEach(function(t){tree.appendChild(item(t));});
        (function expand(list){list.forEach(function(i){if(level(i)<data.open){var li=document.getElementById("m-"+i);open(li);expand(kids[i]);}});})(tops);
        document.getElementById("org-search-form").addEventListener("submit",function(e){e.preventDefault();
        var q=document.getElementById("org-search").value.trim().toLowerCase(),out=document.getElementById("org-search-result");if(!q)return;
        var hits=[];rows.forEach(function(r,i){if(r[0].toLowerCase()===q||(r[6]&&r[6].toLowerCase().indexOf(q)>=0))hits.push(i);});
        document.querySelectorAll(".node.found").forEach(function(n){n.classList.remove("found");});
        if(!hits.length){out.textContent="No manager "+q+".";return;}
        var path=[],i=hits[0];while(i>=0){path.unshift(i);i=rows[i][1];}
        path.slice(0,-1).forEach(function(p){open(document.getElementById("m-"+p));});
        var li=document.getElementById("m-"+hits[0]),node=li.querySelector(".node");node.classList.add("found");node.scrollIntoView({block:"center"});
        out.textContent=hits.length>1?hits.length+" managers match; showing the first.":"Found at level "+path.length+".";});})();
        """
}
