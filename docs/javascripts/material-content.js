// Material for MkDocs 9.8.1 (MIT licence, (c) Martin Donath), moved out of an inline <script>
// in overrides/partials/javascripts/ so that the Content-Security-Policy (script-src 'self',
// overrides/main.html) needs no inline scripts. Keep in step with Material when it updates.
// partials/javascripts/content.html (tabs link, then the tab the address names)
var tabs=__md_get("__tabs");if(Array.isArray(tabs))e:for(var set of document.querySelectorAll(".tabbed-set")){var labels=set.querySelector(".tabbed-labels");for(var tab of tabs)for(var label of labels.getElementsByTagName("label"))if(label.innerText.trim()===tab){var input=document.getElementById(label.htmlFor);input.checked=!0;continue e}}
var target=document.getElementById(location.hash.slice(1));target&&target.name&&(target.checked=target.name.startsWith("__tabbed_"))
