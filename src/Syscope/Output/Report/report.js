// syscope's HTML report: unpacks the calls (gzip'd JSON in #data), then draws the timeline and
// answers the search box and clicks on the syscall table.  Everything it needs is in this page.
'use strict';
(async function () {
  const PALETTE = ['#8e24aa', '#1e88e5', '#f4511e', '#fdd835', '#43a047', '#00897b', '#6d4c41', '#c0ca33', '#90a4ae'];
  const LANE = 16, LABEL = 90, SHOWN = 500;
  const $ = (s) => document.querySelector(s);
  const esc = (s) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);
  const dur = (ns) => ns < 0 ? 'no return' : ns < 1e3 ? ns + ' ns' : ns < 1e6 ? +(ns / 1e3).toFixed(2) + ' µs' : ns < 1e9 ? +(ns / 1e6).toFixed(2) + ' ms' : +(ns / 1e9).toFixed(3) + ' s';
  const offset = (ns) => '+' + (ns / 1e9).toFixed(6);

  const packed = Uint8Array.from(atob($('#data').textContent.trim()), (c) => c.charCodeAt(0));
  const text = await new Response(new Blob([packed]).stream().pipeThrough(new DecompressionStream('gzip'))).text();
  const D = JSON.parse(text);
  const n = D.t.length;

  // ---- the calls table: search results or one syscall's calls ----
  const tbody = $('#calls tbody'), caption = $('#calls-caption');
  function show(indices, what) {
    const rows = [];
    for (let k = 0; k < indices.length && k < SHOWN; k++) {
      const i = indices[k], name = D.names[D.nr[i]];
      rows.push('<tr data-syscall="' + esc(name) + '"' + (D.e[i] ? ' class="bad"' : '') + '><td>' + offset(D.t[i]) + '</td><td>' +
        D.lanes[D.lane[i]].tid + '</td><td>' + dur(D.d[i]) + '</td><td class="line">' + esc(D.lines[i]) + '</td></tr>');
    }
    tbody.innerHTML = rows.join('');
    caption.textContent = indices.length + ' ' + what + (indices.length > SHOWN ? ' (the first ' + SHOWN + ' shown)' : '');
  }
  function search(q) {
    const found = [];
    if (q) {
      const fold = q === q.toLowerCase();
      for (let i = 0; i < n; i++) {
        const line = fold ? D.lines[i].toLowerCase() : D.lines[i];
        if (line.includes(q)) found.push(i);
      }
    }
    show(found, q ? 'calls contain "' + q + '"' : 'calls: type in the search box or click a syscall');
  }
  function selectSyscall(name) {
    for (const tr of document.querySelectorAll('#syscalls tbody tr')) tr.classList.toggle('selected', tr.dataset.syscall === name);
    for (const f of document.querySelectorAll('figure.hist')) f.style.display = !name || f.dataset.syscall === name ? '' : 'none';
    if (!name) return search('');
    const idx = D.names.indexOf(name), found = [];
    for (let i = 0; i < n; i++) if (D.nr[i] === idx) found.push(i);
    found.sort((a, b) => D.d[b] - D.d[a]);
    show(found, 'calls of ' + name + ', slowest first');
  }
  let timer = 0;
  $('#search').addEventListener('input', (ev) => {
    clearTimeout(timer);
    timer = setTimeout(() => { selectSyscall(null); search(ev.target.value); }, 120);
  });
  $('#show-all').addEventListener('click', () => { $('#search').value = ''; selectSyscall(null); });
  for (const tr of document.querySelectorAll('#syscalls tbody tr'))
    tr.addEventListener('click', () => { $('#search').value = ''; selectSyscall(tr.dataset.syscall); });
  search('');

  // ---- the timeline: one lane per thread, calls as bars coloured by class ----
  const canvas = $('#timeline'), ctx = canvas.getContext('2d');
  const lanes = D.lanes.length, height = Math.max(40, lanes * LANE + 20);
  let from = 0, to = D.span;
  function draw() {
    const ratio = window.devicePixelRatio || 1, width = canvas.clientWidth;
    canvas.style.height = height + 'px';
    canvas.width = width * ratio; canvas.height = height * ratio;
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
    ctx.clearRect(0, 0, width, height);
    ctx.font = '11px ui-monospace, monospace';
    ctx.textBaseline = 'middle';
    for (let l = 0; l < lanes; l++) {
      ctx.fillStyle = l % 2 ? '#fafbfc' : '#f0f3f6';
      ctx.fillRect(0, l * LANE, width, LANE);
      ctx.fillStyle = '#333';
      const lane = D.lanes[l];
      ctx.fillText(lane.tid === lane.pid ? String(lane.tid) : '  ' + lane.tid, 4, l * LANE + LANE / 2);
    }
    const scale = (width - LABEL) / Math.max(1, to - from), last = new Float64Array(lanes).fill(-1);
    for (let i = 0; i < n; i++) {
      const start = D.t[i], d = Math.max(0, D.d[i]);
      if (start + d < from || start > to) continue;
      const x0 = LABEL + Math.max(0, (start - from) * scale), x1 = LABEL + Math.min(width - LABEL, (start + d - from) * scale);
      const l = D.lane[i], px = Math.floor(x0);
      if (x1 - x0 < 1 && last[l] === px && !D.e[i]) continue;   // one bar per pixel is enough
      last[l] = px;
      ctx.fillStyle = PALETTE[D.cls[D.nr[i]]];
      ctx.fillRect(x0, l * LANE + 2, Math.max(1, x1 - x0), LANE - 4);
      if (D.e[i]) { ctx.fillStyle = '#c62828'; ctx.fillRect(x0, l * LANE + LANE - 4, Math.max(1, x1 - x0), 2); }
    }
    ctx.fillStyle = '#666';
    ctx.fillText(offset(from) + ' s', LABEL, lanes * LANE + 10);
    ctx.textAlign = 'right';
    ctx.fillText(offset(to) + ' s', width - 4, lanes * LANE + 10);
    ctx.textAlign = 'left';
    $('#view').textContent = 'showing ' + dur(to - from) + ' of ' + dur(D.span);
  }
  function zoom(factor, at) {
    const width = canvas.clientWidth - LABEL, fx = Math.min(1, Math.max(0, (at - LABEL) / width));
    const center = from + (to - from) * fx, span = Math.max(1000, Math.min(D.span, (to - from) * factor));
    from = Math.max(0, center - span * fx); to = Math.min(D.span, from + span); from = Math.max(0, to - span);
    draw();
  }
  canvas.addEventListener('wheel', (ev) => { ev.preventDefault(); zoom(ev.deltaY < 0 ? 0.7 : 1 / 0.7, ev.offsetX); }, { passive: false });
  $('#zoom-in').addEventListener('click', () => zoom(0.5, LABEL + (canvas.clientWidth - LABEL) / 2));
  $('#zoom-out').addEventListener('click', () => zoom(2, LABEL + (canvas.clientWidth - LABEL) / 2));
  $('#zoom-reset').addEventListener('click', () => { from = 0; to = D.span; draw(); });
  let drag = null;
  canvas.addEventListener('mousedown', (ev) => { drag = { x: ev.offsetX, from, to, moved: false }; });
  window.addEventListener('mouseup', () => { setTimeout(() => { drag = null; }, 0); });
  canvas.addEventListener('mousemove', (ev) => {
    if (!drag) return;
    const dx = ev.offsetX - drag.x;
    if (Math.abs(dx) > 2) drag.moved = true;
    const shift = -dx * (drag.to - drag.from) / (canvas.clientWidth - LABEL);
    const span = drag.to - drag.from;
    from = Math.min(Math.max(0, drag.from + shift), D.span - span); to = from + span;
    draw();
  });
  canvas.addEventListener('click', (ev) => {
    if (drag && drag.moved) return;
    const l = Math.floor(ev.offsetY / LANE), t = from + (ev.offsetX - LABEL) * (to - from) / (canvas.clientWidth - LABEL);
    const slack = 3 * (to - from) / (canvas.clientWidth - LABEL);
    let best = -1, gap = Infinity;
    for (let i = 0; i < n; i++) {
      if (D.lane[i] !== l) continue;
      const end = D.t[i] + Math.max(0, D.d[i]);
      const g = t < D.t[i] ? D.t[i] - t : t > end ? t - end : 0;
      if (g < gap) { gap = g; best = i; }
    }
    $('#picked').textContent = best >= 0 && gap <= slack
      ? offset(D.t[best]) + ' [pid ' + D.lanes[l].tid + '] ' + D.lines[best] + ' <' + dur(D.d[best]) + '>' : 'no call there';
  });
  window.addEventListener('resize', draw);
  draw();
  document.body.dataset.ready = 'true';
})().catch((e) => { document.body.dataset.ready = 'failed'; throw e; });
