// Plotline: sizes this site's chart frames to the height they post (see README, Embeds).
(function (base, frames) {
  function ours(f) { return f.src.indexOf(base) === 0 && f.contentWindow; }
  addEventListener('message', function (e) {
    var d = e.data, h = d && d.sentinel === 'amp' && d.type === 'embed-size' && Math.ceil(d.height);
    for (var i = 0; h > 0 && i < frames.length; i++) {
      if (ours(frames[i]) === e.source) frames[i].style.height = h + 'px', frames[i].style.border = 0;
    }
  });
  // Frames loaded before us: ask for their height (pym.js width message).
  for (var i = 0; i < frames.length; i++) if (ours(frames[i])) ours(frames[i]).postMessage('pymxPYMxxPYMxwidthxPYMx1', '*');
})(((document.currentScript || {}).src || '').replace(/[^/]*$/, ''), document.getElementsByTagName('iframe'));
