"""The page of the interactive network: one HTML file, its script and style inline.

No file is loaded from anywhere: the page works offline, from a USB stick or an intranet.
The data sits in a ``<script type="application/json">`` element; the script writes every
name with ``textContent`` (never as HTML), so a unit name cannot inject markup.
"""

from __future__ import annotations

import html
import json

__all__ = ["page"]

_STYLE = """
*{box-sizing:border-box}
body{margin:0;font-family:"Noto Sans CJK SC","Source Han Sans SC","Microsoft YaHei",
"PingFang SC","WenQuanYi Micro Hei",sans-serif;color:#222;background:#fff}
#bar{display:flex;flex-wrap:wrap;gap:12px;align-items:center;padding:8px 12px;
border-bottom:1px solid #ddd}
#title{font-size:16px;font-weight:normal;margin:0 12px 0 0}
#bar select,#bar input{font:inherit;font-size:13px;padding:2px 4px}
#hint{font-size:12px;color:#666}
#main{display:flex;height:calc(100vh - 50px);min-height:360px}
#net{flex:1;min-width:0;height:100%;cursor:grab;background:#fafafa}
#info{width:300px;overflow:auto;padding:10px 12px;border-left:1px solid #ddd;font-size:13px}
#info h2{font-size:15px;margin:4px 0 6px}#info h3{font-size:13px;margin:10px 0 4px}
#info ul{margin:0;padding-left:18px}#info li{margin:2px 0}
#legend{font-size:12px;color:#444}#legend span{display:inline-block;margin-right:10px}
#legend i{display:inline-block;width:10px;height:10px;border-radius:50%;margin-right:3px;
vertical-align:-1px}
#tip{position:fixed;pointer-events:none;background:rgba(255,255,255,.95);border:1px solid #bbb;
padding:3px 6px;font-size:12px;display:none;white-space:nowrap}
circle.unit{stroke:#fff}
circle.isolated{stroke:#d62728}
circle.fragile{stroke:#ff7f0e}
line.tie{stroke-opacity:.55}line.bridge{stroke:#d62728;stroke-opacity:.5}
.dim{opacity:.12}.hit{stroke:#111!important}
text.lab{fill:#222;paint-order:stroke;stroke:#fff;pointer-events:none}
"""

_SCRIPT = r"""
(function(){
"use strict";
var D=JSON.parse(document.getElementById("pl-data").textContent);
var T=D.text, NS="http://www.w3.org/2000/svg";
var svg=document.getElementById("net"), view=document.getElementById("view");
var gE=document.getElementById("edges"), gN=document.getElementById("nodes"),
    gL=document.getElementById("labels"), info=document.getElementById("info"),
    tip=document.getElementById("tip"), sel=document.getElementById("zone"),
    search=document.getElementById("search");
var byId={}, adj={}, vb=[0,0,1,1], pinned=null;
D.nodes.forEach(function(n){byId[n.id]=n;adj[n.id]=[];});
D.edges.forEach(function(e){adj[e.a].push(e);adj[e.b].push(e);});
function el(tag,attrs,text){var x=document.createElementNS(NS,tag);
  for(var k in attrs){x.setAttribute(k,attrs[k]);} if(text!==undefined){x.textContent=text;}
  return x;}
function h(tag,text){var x=document.createElement(tag); if(text!==undefined){x.textContent=text;}
  return x;}
document.getElementById("title").textContent=D.title;
document.getElementById("hint").textContent=T.hint;
document.getElementById("zoneLabel").textContent=T.zone;
search.placeholder=T.search;
if(D.allow_all){var o=h("option",T.all_zones);o.value="";sel.appendChild(o);}
D.zones.forEach(function(z){var o=h("option",z.label+" ("+z.units+")");o.value=z.zone;
  sel.appendChild(o);});
var names=document.getElementById("names");
D.nodes.forEach(function(n){var o=h("option");o.value=n.name;names.appendChild(o);});
function setVB(){svg.setAttribute("viewBox",vb.join(" "));}
function shown(n,zone){return zone===""||n.zone===zone;}
function render(zone){
  [gE,gN,gL].forEach(function(g){while(g.firstChild){g.removeChild(g.firstChild);}});
  var nodes=D.nodes.filter(function(n){return shown(n,zone);});
  var on={}; nodes.forEach(function(n){on[n.id]=true;});
  var x0=1e9,y0=1e9,x1=-1e9,y1=-1e9;
  nodes.forEach(function(n){x0=Math.min(x0,n.x);x1=Math.max(x1,n.x);
    y0=Math.min(y0,-n.y);y1=Math.max(y1,-n.y);});
  if(!nodes.length){x0=y0=0;x1=y1=1;}
  var span=Math.max(x1-x0,y1-y0,0.2), pad=span*0.08;
  vb=[x0-pad,y0-pad,(x1-x0)+2*pad,(y1-y0)+2*pad]; setVB();
  var unit=span/220;
  D.edges.forEach(function(e){ if(!on[e.a]||!on[e.b]){return;}
    var a=byId[e.a],b=byId[e.b];
    gE.appendChild(el("line",{x1:a.x,y1:-a.y,x2:b.x,y2:-b.y,stroke:e.color,
      "stroke-width":(e.bridge?3:1)*unit*(e.n>1?1.6:1)*0.3,
      "class":"tie"+(e.bridge?" bridge":""),"data-a":e.a,"data-b":e.b}));});
  nodes.forEach(function(n){
    var c=el("circle",{cx:n.x,cy:-n.y,r:unit*n.r,fill:n.color,"data-id":n.id,
      "class":"unit"+(n.isolated?" isolated":"")+(n.fragile?" fragile":"")});
    c.style.strokeWidth=(n.isolated||n.fragile?2.5:1)*unit*0.3;
    c.addEventListener("mouseenter",function(ev){showTip(ev,n);focus(n,false);});
    c.addEventListener("mousemove",function(ev){moveTip(ev);});
    c.addEventListener("mouseleave",function(){tip.style.display="none";
      if(!pinned){clearFocus();}});
    c.addEventListener("click",function(ev){ev.stopPropagation();pinned=n;focus(n,true);});
    gN.appendChild(c);});
  var ranked=nodes.slice().sort(function(a,b){return (b.weak-a.weak)||(b.degree-a.degree);});
  ranked.slice(0,Math.min(ranked.length,D.label_count)).forEach(function(n){
    var t=el("text",{x:n.x+unit*(n.r+1),y:-n.y+unit*0.8,"class":"lab"},n.label);
    t.style.fontSize=(unit*3.4)+"px"; t.style.strokeWidth=(unit*0.8)+"px";
    gL.appendChild(t);});
  document.body.setAttribute("data-rendered",String(nodes.length));
  document.body.setAttribute("data-zone",zone);
  showLegend();
}
function showTip(ev,n){tip.textContent=n.name+"（"+n.type_label+"）";tip.style.display="block";
  moveTip(ev);}
function moveTip(ev){tip.style.left=(ev.clientX+12)+"px";tip.style.top=(ev.clientY+12)+"px";}
function clearFocus(){Array.prototype.forEach.call(view.querySelectorAll(".dim,.hit"),
  function(x){x.classList.remove("dim");x.classList.remove("hit");});showLegend();}
function focus(n,pin){
  clearFocus(); var near={}; near[n.id]=true;
  adj[n.id].forEach(function(e){near[e.a]=true;near[e.b]=true;});
  Array.prototype.forEach.call(gN.childNodes,function(c){
    var id=c.getAttribute("data-id"); if(!near[id]){c.classList.add("dim");}
    if(id===n.id){c.classList.add("hit");}});
  Array.prototype.forEach.call(gE.childNodes,function(l){
    if(l.getAttribute("data-a")!==n.id&&l.getAttribute("data-b")!==n.id){
      l.classList.add("dim");}});
  info.textContent="";
  info.appendChild(h("h2",n.name));
  var p=h("div",n.type_label+" · "+n.sector_label+" · "+n.zone_label); info.appendChild(p);
  if(n.isolated){info.appendChild(h("div",T.isolated));}
  if(n.fragile){info.appendChild(h("div",n.fragile));}
  info.appendChild(h("h3",T.ties+" ("+adj[n.id].length+")"));
  var ul=h("ul");
  if(!adj[n.id].length){ul.appendChild(h("li",T.none));}
  adj[n.id].forEach(function(e){var o=byId[e.a===n.id?e.b:e.a];
    ul.appendChild(h("li",o.name+"："+e.types+(e.carriers?"（"+e.carriers+"）":"")));});
  info.appendChild(ul);
  if(D.has_findings){info.appendChild(h("h3",T.findings+" ("+n.findings.length+")"));
    var uf=h("ul"); if(!n.findings.length){uf.appendChild(h("li",T.none));}
    n.findings.forEach(function(f){uf.appendChild(h("li",f));}); info.appendChild(uf);}
  info.setAttribute("data-unit",n.id);
}
function showLegend(){ if(pinned){return;} info.textContent="";
  info.appendChild(h("h2",D.subtitle)); var lg=h("div");lg.id="legend";
  D.legend.forEach(function(s){var sp=h("span");var i=h("i");i.style.background=s.color;
    sp.appendChild(i);sp.appendChild(document.createTextNode(s.label));lg.appendChild(sp);});
  info.appendChild(lg); info.appendChild(h("p",T.hint));}
svg.addEventListener("click",function(){pinned=null;clearFocus();});
svg.addEventListener("wheel",function(ev){ev.preventDefault();
  var r=svg.getBoundingClientRect(), k=ev.deltaY>0?1.15:1/1.15;
  var fx=(ev.clientX-r.left)/r.width, fy=(ev.clientY-r.top)/r.height;
  var w=vb[2]*k,hh=vb[3]*k; vb=[vb[0]+(vb[2]-w)*fx,vb[1]+(vb[3]-hh)*fy,w,hh]; setVB();},
  {passive:false});
var drag=null;
svg.addEventListener("mousedown",function(ev){drag=[ev.clientX,ev.clientY,vb[0],vb[1]];});
window.addEventListener("mouseup",function(){drag=null;});
window.addEventListener("mousemove",function(ev){ if(!drag){return;}
  var r=svg.getBoundingClientRect(), s=Math.max(vb[2]/r.width,vb[3]/r.height);
  vb[0]=drag[2]-(ev.clientX-drag[0])*s; vb[1]=drag[3]-(ev.clientY-drag[1])*s; setVB();});
sel.addEventListener("change",function(){pinned=null;render(sel.value);});
search.addEventListener("change",function(){var q=search.value.trim();
  var n=D.nodes.filter(function(x){return x.name===q||x.id===q;})[0]; if(!n){return;}
  if(!shown(n,sel.value)){sel.value=n.zone;render(n.zone);}
  pinned=n; focus(n,true);});
sel.value=D.start_zone; render(D.start_zone);
})();
"""


def page(data: dict, lang: str) -> str:
    """The whole HTML page for the viewer ``data`` (see :func:`partylinks.plot.interactive`)."""
    blob = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    # inside <script>: no "</" can close the element, no line separators break the code
    blob = blob.replace("</", "<\\/").replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")
    title = html.escape(data["title"])
    return (
        f'<!DOCTYPE html>\n<html lang="{"zh-CN" if lang == "zh" else "en"}"><head>'
        f'<meta charset="utf-8"><meta name="viewport" content="width=device-width">'
        f"<title>{title}</title><style>{_STYLE}</style></head><body>"
        '<div id="bar"><h1 id="title"></h1><label><span id="zoneLabel"></span> '
        '<select id="zone"></select></label><input id="search" list="names">'
        '<datalist id="names"></datalist><span id="hint"></span></div>'
        '<div id="main"><svg id="net" xmlns="http://www.w3.org/2000/svg" '
        'preserveAspectRatio="xMidYMid meet"><g id="view"><g id="edges"></g>'
        '<g id="nodes"></g><g id="labels"></g></g></svg><aside id="info"></aside></div>'
        '<div id="tip"></div>'
        f'<script type="application/json" id="pl-data">{blob}</script>'
        f"<script>{_SCRIPT}</script></body></html>\n"
    )
