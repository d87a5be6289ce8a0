// Material for MkDocs 9.8.1 (MIT licence, (c) Martin Donath), moved out of an inline <script>
// in overrides/partials/javascripts/ so that the Content-Security-Policy (script-src 'self',
// overrides/main.html) needs no inline scripts. Keep in step with Material when it updates.
// partials/javascripts/base.html; the scope is the site root, this file being in javascripts/.
__md_scope=new URL("..",document.currentScript.src),__md_hash=e=>[...e].reduce(((e,_)=>(e<<5)-e+_.charCodeAt(0)),0),__md_get=(e,_=localStorage,t=__md_scope)=>JSON.parse(_.getItem(t.pathname+"."+e)),__md_set=(e,_,t=localStorage,a=__md_scope)=>{try{t.setItem(a.pathname+"."+e,JSON.stringify(_))}catch(e){}}
