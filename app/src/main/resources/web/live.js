/*
 * earshot live dashboard: one WebSocket to the engine's dashboard hub, panels built from its hello message
 * (a panel only when its node is in the graph), drawn on requestAnimationFrame. Every frame is acknowledged
 * once handled: the hub sends a tab at most a couple of frames ahead of its acknowledgements, so a slow tab
 * gets fewer frames and never holds the engine up.
 */
(function () {
  'use strict';
  const C = window.EarshotCommon;
  const WINDOW_S = 10;
  const TIMELINE_S = 60;
  const RING = 1024;
  const KEEP = 5000;

  /** What the page has received, for people reading it through devtools and for the browser test. */
  const probe = window.__earshot = {
    connected: false, hello: null, frames: 0, columns: 0, columnsSkipped: 0, beats: [], onsets: [], tempo: [],
    events: [], levels: [], health: null, controls: {}, gainDb: {}, errors: [], clientId: null
  };

  let ws = null;
  let hello = null;
  let graphs = [];
  let health = null;
  let retryMs = 500;
  const controls = new Map();
  const alerts = [];

  // ------------------------------------------------------------------ theme

  const themes = ['auto', 'light', 'dark'];
  function applyTheme(t) {
    document.documentElement.dataset.theme = t;
    const b = document.getElementById('theme-toggle');
    if (b) {
      b.textContent = 'theme: ' + t;
    }
  }
  function initTheme() {
    let saved = null;
    try {
      saved = localStorage.getItem('earshot-theme');
    } catch (e) { /* storage off */ }
    const fromUrl = new URLSearchParams(location.search).get('theme');
    applyTheme(themes.includes(fromUrl) ? fromUrl : themes.includes(saved) ? saved : 'auto');
    document.getElementById('theme-toggle').addEventListener('click', function () {
      const next = themes[(themes.indexOf(document.documentElement.dataset.theme) + 1) % themes.length];
      applyTheme(next);
      try {
        localStorage.setItem('earshot-theme', next);
      } catch (e) { /* storage off */ }
    });
  }

  // ------------------------------------------------------------------ connection

  function setStatus(kind, text) {
    document.getElementById('conn-dot').className = 'dot ' + kind;
    document.getElementById('conn-text').textContent = text;
  }

  function connect() {
    const meta = document.querySelector('meta[name="earshot-ws-port"]');
    const port = meta && /^\d+$/.test(meta.content) ? meta.content : String(Number(location.port || 80) + 1);
    const host = location.hostname.indexOf(':') >= 0 && location.hostname[0] !== '[' ?
      '[' + location.hostname + ']' : location.hostname;
    ws = new WebSocket('ws://' + host + ':' + port + '/');
    ws.onopen = function () {
      retryMs = 500;
      probe.connected = true;
      setStatus('ok', 'live');
    };
    ws.onclose = function () {
      probe.connected = false;
      setStatus('bad', 'disconnected, retrying');
      setTimeout(connect, retryMs);
      retryMs = Math.min(5000, retryMs * 2);
    };
    ws.onerror = function () { /* onclose follows */ };
    ws.onmessage = function (m) {
      let msg;
      try {
        msg = JSON.parse(m.data);
      } catch (e) {
        probe.errors.push('unreadable message');
        return;
      }
      if (msg.type === 'hello') {
        onHello(msg);
      } else if (msg.type === 'frame') {
        onFrame(msg);
        ws.send('{"type":"ack","seq":' + msg.seq + '}');
      } else if (msg.type === 'control') {
        onControlReply(msg);
      } else if (msg.type === 'error') {
        probe.errors.push(msg.message);
      }
    };
  }

  // ------------------------------------------------------------------ state

  function newGraph(info) {
    const bands = info.mel ? info.mel.bands : 0;
    return {
      info: info, bands: bands,
      frame: new Float64Array(RING), mel: new Uint8Array(RING * Math.max(1, bands)),
      nov: new Float32Array(RING), inDb: new Float32Array(RING), pkDb: new Float32Array(RING),
      outDb: new Float32Array(RING), next: 0,
      nowFrame: -1, nowAt: 0,
      onsets: [], beats: [], tempo: null, events: [], levels: [], lastBeat: null,
      el: {}, image: null, off: null
    };
  }

  function onHello(msg) {
    hello = msg;
    probe.hello = msg;
    probe.clientId = msg.client;
    document.getElementById('title').textContent = msg.title;
    document.title = 'earshot · ' + msg.title;
    graphs = msg.graphs.map(newGraph);
    controls.clear();
    alerts.length = 0;
    for (const c of msg.controls) {
      controls.set(c.id, { def: c, value: c.value, el: null, out: null, row: null });
      probe.controls[c.id] = c.value;
    }
    buildPanels();
  }

  function push(list, item) {
    list.push(item);
    if (list.length > KEEP) {
      list.splice(0, list.length - KEEP);
    }
  }

  function onFrame(msg) {
    probe.frames++;
    const now = performance.now();
    for (let g = 0; g < msg.now.length && g < graphs.length; g++) {
      if (msg.now[g] >= 0) {
        graphs[g].nowFrame = msg.now[g];
        graphs[g].nowAt = now;
      }
    }
    for (const cols of msg.cols) {
      addColumns(graphs[cols.g], cols);
    }
    for (const e of msg.events) {
      onEvent(e);
    }
    if (msg.health) {
      health = msg.health;
      probe.health = msg.health;
      renderHealth();
    }
    if (msg.controls) {
      for (const c of msg.controls) {
        const ctl = controls.get(c.id);
        if (ctl) {
          ctl.value = c.value;
          probe.controls[c.id] = c.value;
          showControl(ctl, c.value, '');
        }
      }
    }
    if (msg.client) {
      probe.framesSkippedByHub = msg.client.skipped;
      probe.columnsSkipped = msg.client.columnsSkipped;
    }
  }

  function addColumns(g, cols) {
    if (!g || !g.bands) {
      return;
    }
    const bytes = C.decodeBase64(cols.mel);
    for (let i = 0; i < cols.n; i++) {
      const slot = g.next % RING;
      g.frame[slot] = cols.f[i];
      g.mel.set(bytes.subarray(i * g.bands, (i + 1) * g.bands), slot * g.bands);
      g.nov[slot] = cols.nov[i] == null ? NaN : cols.nov[i];
      g.inDb[slot] = cols['in'][i] == null ? NaN : cols['in'][i];
      g.pkDb[slot] = cols.pk[i] == null ? NaN : cols.pk[i];
      g.outDb[slot] = cols.out[i] == null ? NaN : cols.out[i];
      g.next++;
    }
    probe.columns += cols.n;
    if (g.nowFrame < 0 || g.nowAt === 0) {
      g.nowFrame = cols.f[cols.n - 1];
      g.nowAt = performance.now();
    }
  }

  function onEvent(e) {
    const g = graphs[e.g];
    if (!g) {
      return;
    }
    if (e.type === 'onset') {
      push(g.onsets, e);
      push(probe.onsets, e);
      renderOnsets(g);
    } else if (e.type === 'beat') {
      push(g.beats, e);
      push(probe.beats, e);
      onBeat(g, e);
    } else if (e.type === 'tempo') {
      g.tempo = e;
      push(probe.tempo, e);
      renderBeatPanel(g);
    } else if (e.type === 'event') {
      push(g.events, e);
      push(probe.events, e);
      alerts.unshift({ e: e, room: g.info.name, fresh: true });
      if (alerts.length > 12) {
        alerts.length = 12;
      }
      renderAlerts();
    } else if (e.type === 'level') {
      push(g.levels, e);
      push(probe.levels, e);
      renderLevels(g);
    }
  }

  /** The stream position now, extrapolated from the last frame's {@code now} (at most 250 ms ahead). */
  function nowFrame(g) {
    if (g.nowFrame < 0) {
      return -1;
    }
    const ahead = Math.min(0.25, (performance.now() - g.nowAt) / 1000);
    return g.nowFrame + ahead * g.info.rate;
  }

  // ------------------------------------------------------------------ panels

  function el(tag, cls, text) {
    const e = document.createElement(tag);
    if (cls) {
      e.className = cls;
    }
    if (text != null) {
      e.textContent = text;
    }
    return e;
  }

  function panel(id, width, title, room) {
    const p = el('section', 'panel ' + width);
    p.id = id;
    const h = el('h2', null, title);
    if (room) {
      h.appendChild(el('span', 'room', room));
    }
    p.appendChild(h);
    p.heading = h;
    document.getElementById('panels').appendChild(p);
    return p;
  }

  function has(g, name) {
    return g.info.panels.indexOf(name) >= 0;
  }

  function buildPanels() {
    const root = document.getElementById('panels');
    root.textContent = '';
    const many = graphs.length > 1;
    for (const g of graphs) {
      const side = has(g, 'beat') || has(g, 'onsets') || has(g, 'denoiser') || has(g, 'levels');
      const room = many ? g.info.name : null;
      if (has(g, 'spectrogram')) {
        buildSpectrogram(g, side ? 'w8' : 'w12', room);
      }
      if (has(g, 'beat')) {
        buildBeat(g, room);
      } else if (has(g, 'onsets')) {
        buildOnsets(g, room);
      }
      if (has(g, 'denoiser')) {
        buildDenoiser(g, room);
      }
      if (has(g, 'levels')) {
        buildLevels(g, room);
      }
    }
    if (graphs.some(function (g) { return has(g, 'events'); })) {
      buildEvents();
    }
    buildHealth();
    renderHealth();
    renderAlerts();
  }

  function buildSpectrogram(g, width, room) {
    const p = panel('panel-spectrogram-' + g.info.id, width, 'Spectrogram', room);
    p.heading.appendChild(el('small', null, 'log-mel, ' + g.bands + ' bands, ' +
      Math.round(g.info.mel.minHz) + ' Hz – ' + (g.info.mel.maxHz / 1000).toFixed(1) + ' kHz, last ' + WINDOW_S + ' s'));
    g.el.spec = el('canvas', 'spec');
    g.el.spec.setAttribute('aria-label', 'scrolling log-mel spectrogram');
    p.appendChild(g.el.spec);
    if (has(g, 'novelty')) {
      g.el.nov = el('canvas', 'novelty');
      g.el.nov.setAttribute('aria-label', 'onset novelty curve with detected onsets');
      p.appendChild(g.el.nov);
    }
    const legend = el('div', 'legend');
    const add = function (color, text) {
      const s = el('span');
      const i = el('i');
      i.style.background = color;
      s.appendChild(i);
      s.appendChild(document.createTextNode(text));
      legend.appendChild(s);
    };
    if (has(g, 'novelty')) {
      add(C.cssVar('--novelty'), 'onset novelty');
    }
    if (has(g, 'onsets')) {
      add(C.cssVar('--onset'), 'onsets');
    }
    if (has(g, 'beat')) {
      add('#ffffff', 'beats (predicted; long = downbeat)');
    }
    g.el.colsInfo = el('span', null, '');
    legend.appendChild(g.el.colsInfo);
    p.appendChild(legend);
  }

  function buildControls(parent, graphId, keys) {
    const box = el('div', 'controls');
    for (const ctl of controls.values()) {
      if (ctl.def.graph !== graphId || keys.indexOf(ctl.def.key) < 0) {
        continue;
      }
      const row = el('div', 'control');
      const id = 'control-' + ctl.def.id.replace('/', '-');
      const label = el('label', null, ctl.def.label + (graphs.length > 1 ? ' · ' + graphs[graphId].info.name : ''));
      label.htmlFor = id;
      row.appendChild(label);
      let input;
      if (ctl.def.toggle) {
        input = el('button', 'toggle', ctl.def.label);
        input.type = 'button';
        input.setAttribute('aria-pressed', ctl.value === 1 ? 'true' : 'false');
        input.addEventListener('click', function () {
          send(ctl, input.getAttribute('aria-pressed') === 'true' ? 0 : 1);
        });
      } else {
        input = el('input');
        input.type = 'range';
        input.min = ctl.def.min;
        input.max = ctl.def.max;
        input.step = ctl.def.step;
        input.value = ctl.value == null ? (ctl.def.min + ctl.def.max) / 2 : ctl.value;
        input.addEventListener('change', function () {
          send(ctl, Number(input.value));
        });
        input.addEventListener('input', function () {
          ctl.out.textContent = fmtControl(ctl.def, Number(input.value));
        });
      }
      input.id = id;
      input.dataset.control = ctl.def.id;
      row.appendChild(input);
      const out = el('output', null, ctl.value == null ? 'preset' : fmtControl(ctl.def, ctl.value));
      row.appendChild(out);
      ctl.el = input;
      ctl.out = out;
      ctl.row = row;
      box.appendChild(row);
    }
    if (box.childNodes.length) {
      parent.appendChild(box);
    }
  }

  function fmtControl(def, v) {
    if (def.toggle) {
      return v === 1 ? 'on' : 'off';
    }
    const digits = def.step >= 1 ? 0 : 2;
    return Number(v).toFixed(digits) + (def.unit ? ' ' + def.unit : '');
  }

  function send(ctl, value) {
    if (!ws || ws.readyState !== 1) {
      return;
    }
    ctl.row.className = 'control pending';
    ws.send(JSON.stringify({ type: 'set', id: ctl.def.id, value: value }));
  }

  function showControl(ctl, value, state) {
    if (!ctl.el) {
      return;
    }
    ctl.row.className = 'control' + (state ? ' ' + state : '');
    if (ctl.def.toggle) {
      ctl.el.setAttribute('aria-pressed', value === 1 ? 'true' : 'false');
    } else if (document.activeElement !== ctl.el) {
      ctl.el.value = value;
    }
    ctl.out.textContent = value == null ? 'preset' : fmtControl(ctl.def, value);
  }

  function onControlReply(msg) {
    const ctl = controls.get(msg.id);
    if (!ctl) {
      return;
    }
    if (msg.ok) {
      ctl.value = msg.value;
      probe.controls[msg.id] = msg.value;
    } else {
      probe.errors.push(msg.error || 'control refused');
    }
    showControl(ctl, msg.value, msg.ok ? '' : 'failed');
    if (!msg.ok) {
      ctl.out.title = msg.error || '';
    }
  }

  function stat(parent, label, id) {
    const s = el('div', 'stat');
    const b = el('b', null, '–');
    if (id) {
      b.id = id;
    }
    s.appendChild(b);
    s.appendChild(el('span', null, label));
    parent.appendChild(s);
    return b;
  }

  function meterRow(parent, label, cls) {
    const row = el('div', 'meter-row');
    row.appendChild(el('span', 'label', label));
    const m = el('div', 'meter ' + (cls || ''));
    const i = el('i');
    m.appendChild(i);
    row.appendChild(m);
    const v = el('span', 'val', '–');
    row.appendChild(v);
    parent.appendChild(row);
    return { bar: i, val: v };
  }

  function buildBeat(g, room) {
    const p = panel('panel-beat-' + g.info.id, 'w4', 'Beat & tempo', room);
    const wrap = el('div', 'beat-wrap');
    g.el.pulse = el('div', 'pulse unlocked', '');
    g.el.pulse.setAttribute('role', 'img');
    g.el.pulse.setAttribute('aria-label', 'beat indicator');
    wrap.appendChild(g.el.pulse);
    const right = el('div');
    const bpm = el('div', 'bpm');
    g.el.bpm = el('span', null, '–');
    g.el.bpm.id = 'bpm-' + g.info.id;
    bpm.appendChild(g.el.bpm);
    bpm.appendChild(el('small', null, 'BPM'));
    right.appendChild(bpm);
    const bar = el('div', 'bar');
    g.el.barDots = [];
    for (let i = 0; i < 4; i++) {
      const d = el('span', i === 0 ? 'first' : '');
      bar.appendChild(d);
      g.el.barDots.push(d);
    }
    right.appendChild(bar);
    g.el.conf = meterRow(right, 'confidence', 'conf');
    wrap.appendChild(right);
    p.appendChild(wrap);
    const stats = el('div', 'stats');
    g.el.beatCount = stat(stats, 'beats', 'beats-' + g.info.id);
    g.el.lead = stat(stats, 'lead of last beat (ms)', 'lead-' + g.info.id);
    g.el.meterSig = stat(stats, 'meter');
    g.el.lock = stat(stats, 'tracker');
    if (has(g, 'onsets')) {
      g.el.onsetCount = stat(stats, 'onsets', 'onsets-' + g.info.id);
      g.el.onsetLatency = stat(stats, 'latency of last onset (ms)', 'onset-latency-' + g.info.id);
    }
    p.appendChild(stats);
    buildControls(p, g.info.id, ['lead']);
  }

  function onBeat(g, e) {
    g.lastBeat = e;
    renderBeatPanel(g);
    const now = nowFrame(g);
    const dueMs = now < 0 ? 0 : (e.frame - now) / g.info.rate * 1000;
    if (dueMs < -150 || !g.el.pulse) {
      return;
    }
    setTimeout(function () {
      const p = g.el.pulse;
      p.textContent = e.bar_pos != null ? String(e.bar_pos) : '';
      p.classList.toggle('down', e.bar_pos === 1);
      p.classList.add('on');
      for (let i = 0; i < g.el.barDots.length; i++) {
        g.el.barDots[i].classList.toggle('on', i + 1 === e.bar_pos);
      }
      setTimeout(function () { p.classList.remove('on'); }, 110);
    }, Math.max(0, dueMs));
  }

  function renderBeatPanel(g) {
    if (!g.el.bpm) {
      return;
    }
    const b = g.lastBeat;
    const bpm = b ? b.bpm : g.tempo ? g.tempo.bpm : null;
    g.el.bpm.textContent = bpm == null ? '–' : bpm.toFixed(1);
    g.el.bpm.dataset.bpm = bpm == null ? '' : String(bpm);
    const conf = b ? b.confidence : g.tempo ? g.tempo.confidence : 0;
    g.el.conf.bar.style.width = Math.round(Math.max(0, Math.min(1, conf || 0)) * 100) + '%';
    g.el.conf.val.textContent = conf == null ? '–' : conf.toFixed(2);
    g.el.beatCount.textContent = C.fmtCount(g.beats.length);
    if (b && b.emitted != null) {
      const lead = (b.t - b.emitted) * 1000;
      g.el.lead.textContent = lead.toFixed(1);
      g.el.lead.dataset.leadMs = String(lead);
    }
    g.el.meterSig.textContent = b && b.meter ? b.meter + '/4' : '–';
    const locked = g.tempo ? g.tempo.locked : b != null;
    g.el.lock.textContent = locked ? 'locked' : 'searching';
    g.el.lock.parentNode.className = 'stat ' + (locked ? 'good' : 'warn');
    g.el.pulse.classList.toggle('unlocked', !locked);
    renderOnsets(g);
  }

  function buildOnsets(g, room) {
    const p = panel('panel-onsets-' + g.info.id, 'w4', 'Onsets', room);
    const stats = el('div', 'stats');
    g.el.onsetCount = stat(stats, 'onsets', 'onsets-' + g.info.id);
    g.el.onsetLatency = stat(stats, 'latency of last onset (ms)', 'onset-latency-' + g.info.id);
    g.el.onsetMedian = stat(stats, 'median latency, last 20 (ms)');
    g.el.onsetRate = stat(stats, 'onsets per second, last 10 s');
    g.el.onsetStrength = stat(stats, 'strength of last onset');
    p.appendChild(stats);
    p.appendChild(el('div', 'note', 'latency: from the onset to the end of the block that decided it (the '
      + 'look-ahead the peak picker needs), as in the JSON Lines latency_s'));
  }

  function renderOnsets(g) {
    if (!g.el.onsetCount) {
      return;
    }
    g.el.onsetCount.textContent = C.fmtCount(g.onsets.length);
    const last = g.onsets[g.onsets.length - 1];
    if (last && last.latency_s != null) {
      g.el.onsetLatency.textContent = (last.latency_s * 1000).toFixed(1);
    }
    if (g.el.onsetMedian) {
      const recent = g.onsets.slice(-20).map(function (o) { return o.latency_s; }).filter(function (v) { return v != null; })
        .sort(function (a, b) { return a - b; });
      g.el.onsetMedian.textContent = recent.length ? (recent[recent.length >> 1] * 1000).toFixed(1) : '–';
      const now = nowFrame(g) / g.info.rate;
      const inWindow = g.onsets.filter(function (o) { return o.t > now - 10; }).length;
      g.el.onsetRate.textContent = (inWindow / Math.max(1, Math.min(10, now))).toFixed(1);
      g.el.onsetStrength.textContent = last && last.strength != null ? last.strength.toFixed(2) : '–';
    }
  }

  function buildDenoiser(g, room) {
    const p = panel('panel-denoiser-' + g.info.id, 'w4', 'Denoiser', room);
    g.el.inMeter = meterRow(p, 'input (dBFS)', 'in');
    g.el.outMeter = meterRow(p, 'output (dBFS)', 'out');
    const stats = el('div', 'stats');
    g.el.gain = stat(stats, 'gain, last 0.5 s (dB)', 'gain-' + g.info.id);
    g.el.reduction = stat(stats, 'noise taken away (dB)');
    p.appendChild(stats);
    p.appendChild(el('div', 'lane-title', 'gain over the last ' + WINDOW_S + ' s (0 dB at the top line)'));
    g.el.spark = el('canvas', 'spark');
    p.appendChild(g.el.spark);
    buildControls(p, g.info.id, ['strength', 'mix', 'bypass']);
  }

  function buildLevels(g, room) {
    const p = panel('panel-levels-' + g.info.id, 'w4', 'Level meter', room);
    g.el.rms = meterRow(p, 'RMS (dBFS)', 'in');
    g.el.peak = meterRow(p, 'peak (dBFS)', 'out');
    const stats = el('div', 'stats');
    g.el.levelCount = stat(stats, 'level events');
    p.appendChild(stats);
  }

  function meterSet(m, db) {
    if (db == null || !isFinite(db)) {
      m.val.textContent = '–';
      m.bar.style.width = '0';
      return;
    }
    m.val.textContent = db.toFixed(1);
    m.bar.style.width = Math.round(Math.max(0, Math.min(1, (db + 80) / 80)) * 100) + '%';
  }

  function renderLevels(g) {
    if (!g.el.rms) {
      return;
    }
    const e = g.levels[g.levels.length - 1];
    meterSet(g.el.rms, e.rms_db);
    meterSet(g.el.peak, e.peak_db);
    g.el.levelCount.textContent = C.fmtCount(g.levels.length);
  }

  function buildEvents() {
    const p = panel('panel-events', 'w12', 'Events by room');
    p.heading.appendChild(el('small', null, 'last ' + TIMELINE_S + ' s; newest alerts below'));
    const lanes = graphs.filter(function (g) { return has(g, 'events'); });
    const canvas = el('canvas', 'timeline');
    canvas.style.height = Math.max(70, 26 + lanes.length * 42) + 'px';
    canvas.setAttribute('aria-label', 'event timeline per room');
    p.appendChild(canvas);
    const table = el('table', 'alerts');
    table.id = 'alerts';
    const head = el('tr');
    for (const h of ['time', 'room', 'event', 'confidence', 'duration', 'decided after']) {
      head.appendChild(el('th', null, h));
    }
    const thead = el('thead');
    thead.appendChild(head);
    table.appendChild(thead);
    const body = el('tbody');
    table.appendChild(body);
    p.appendChild(table);
    for (const g of lanes) {
      buildControls(p, g.info.id, ['sensitivity']);
    }
    eventsPanel = { canvas: canvas, body: body, lanes: lanes };
  }
  let eventsPanel = null;

  function renderAlerts() {
    if (!eventsPanel) {
      return;
    }
    const body = eventsPanel.body;
    body.textContent = '';
    if (!alerts.length) {
      const tr = el('tr');
      const td = el('td', 'empty', 'no events yet');
      td.colSpan = 6;
      tr.appendChild(td);
      body.appendChild(tr);
      return;
    }
    for (const a of alerts) {
      const e = a.e;
      const tr = el('tr', a.fresh ? 'fresh' : '');
      a.fresh = false;
      tr.dataset.label = e.label;
      tr.dataset.start = String(e.start);
      tr.dataset.room = a.room;
      tr.appendChild(el('td', null, C.fmtTime(e.start != null ? e.start : e.t)));
      tr.appendChild(el('td', null, a.room));
      const td = el('td');
      const chip = el('span', 'chip', e.label || e.type);
      chip.style.background = C.labelColor(e.label || e.type);
      td.appendChild(chip);
      tr.appendChild(td);
      tr.appendChild(el('td', null, e.confidence != null ? e.confidence.toFixed(2) : '–'));
      tr.appendChild(el('td', null, e.end != null && e.start != null ? ((e.end - e.start) * 1000).toFixed(0) + ' ms' : '–'));
      tr.appendChild(el('td', null, e.decided != null && e.end != null ? (e.decided - e.end).toFixed(2) + ' s' : '–'));
      body.appendChild(tr);
    }
  }

  function buildHealth() {
    const p = panel('panel-health', 'w12', 'Engine health');
    p.heading.appendChild(el('small', null, 'block times over the last second, max since start; budget bar = share of the block budget'));
    const grid = el('div', 'health-grid');
    const left = el('div');
    const table = el('table', 'health-table');
    table.id = 'health-table';
    const head = el('tr');
    for (const h of ['node', 'p50', 'p99', 'p99.9', 'max', 'p50 / p99 of budget']) {
      head.appendChild(el('th', null, h));
    }
    const thead = el('thead');
    thead.appendChild(head);
    table.appendChild(thead);
    healthEl.body = el('tbody');
    table.appendChild(healthEl.body);
    left.appendChild(table);
    grid.appendChild(left);
    const right = el('div');
    const stats = el('div', 'stats');
    healthEl.stats = {
      blocks: stat(stats, 'blocks processed', 'h-blocks'),
      overBudget: stat(stats, 'budget misses', 'h-over-budget'),
      overruns: stat(stats, 'capture overruns', 'h-overruns'),
      dropped: stat(stats, 'events dropped', 'h-dropped'),
      delivered: stat(stats, 'events delivered', 'h-delivered'),
      nodeErrors: stat(stats, 'node errors', 'h-node-errors'),
      breaks: stat(stats, 'stream breaks', 'h-breaks'),
      columnsDropped: stat(stats, 'display columns dropped', 'h-columns-dropped'),
      e2e50: stat(stats, 'capture → sinks p50', 'h-e2e-p50'),
      e2e99: stat(stats, 'capture → sinks p99', 'h-e2e-p99'),
      e2eMax: stat(stats, 'capture → sinks max', 'h-e2e-max'),
      skipped: stat(stats, 'frames this tab skipped', 'h-tab-skipped')
    };
    right.appendChild(stats);
    right.appendChild(el('div', 'lane-title', 'sinks'));
    healthEl.sinks = el('ul', 'sinks');
    right.appendChild(healthEl.sinks);
    healthEl.note = el('div', 'note', '');
    right.appendChild(healthEl.note);
    grid.appendChild(right);
    p.appendChild(grid);
  }
  const healthEl = {};

  function setStat(b, value, level) {
    b.textContent = value;
    b.parentNode.className = 'stat' + (level ? ' ' + level : '');
  }

  function timingRow(name, t, budget, cls) {
    const tr = el('tr', cls || '');
    tr.dataset.node = name;
    tr.appendChild(el('td', null, name));
    for (const k of ['p50', 'p99', 'p999', 'max']) {
      const td = el('td', null, C.fmtNs(t[k]));
      td.dataset[k] = String(t[k]);
      tr.appendChild(td);
    }
    const td = el('td', 'barcell');
    const bar = el('div', 'budgetbar');
    const p99 = el('i', 'p99');
    const p50 = el('i', 'p50');
    const share = function (v) { return budget > 0 && v > 0 ? Math.min(100, v / budget * 100) : 0; };
    p99.style.width = share(t.p99) + '%';
    p50.style.width = share(t.p50) + '%';
    bar.appendChild(p99);
    bar.appendChild(p50);
    td.appendChild(bar);
    tr.appendChild(td);
    return tr;
  }

  function renderHealth() {
    if (!healthEl.body) {
      return;
    }
    const body = healthEl.body;
    body.textContent = '';
    if (!health || !health.graphs.length || !health.graphs[0].nodes.length) {
      const tr = el('tr');
      const td = el('td', 'empty', health ? 'engine ' + health.engine : 'waiting for the first report');
      td.colSpan = 6;
      tr.appendChild(td);
      body.appendChild(tr);
      return;
    }
    let blocks = 0, over = 0, overruns = 0, dropped = 0, delivered = 0, nodeErrors = 0, breaks = 0, cols = 0;
    let sinkErrors = 0;
    for (const gh of health.graphs) {
      const budget = gh.blockBudgetNs;
      body.appendChild(timingRow(gh.name + ' (graph)', { p50: gh.graphTimeP50Ns, p99: gh.graphTimeP99Ns,
        p999: gh.graphTimeP999Ns, max: gh.blockTimeMaxNs }, budget, 'graphrow'));
      for (const n of gh.nodes) {
        body.appendChild(timingRow(n.name, n, budget));
      }
      blocks += gh.blocksProcessed; over += gh.blocksOverBudget; overruns += gh.captureOverruns;
      dropped += gh.eventsDropped; delivered += gh.eventsDelivered; nodeErrors += gh.nodeErrors;
      breaks += gh.streamBreaks; cols += gh.columnsDropped; sinkErrors += gh.sinkErrors;
    }
    const s = healthEl.stats;
    setStat(s.blocks, C.fmtCount(blocks));
    setStat(s.overBudget, C.fmtCount(over), over > 0 ? 'warn' : 'good');
    setStat(s.overruns, C.fmtCount(overruns), overruns > 0 ? 'bad' : 'good');
    setStat(s.dropped, C.fmtCount(dropped), dropped > 0 ? 'bad' : 'good');
    setStat(s.delivered, C.fmtCount(delivered));
    setStat(s.nodeErrors, C.fmtCount(nodeErrors), nodeErrors > 0 ? 'bad' : 'good');
    setStat(s.breaks, C.fmtCount(breaks));
    setStat(s.columnsDropped, C.fmtCount(cols), cols > 0 ? 'warn' : '');
    setStat(s.e2e50, health.e2e.count ? C.fmtNs(health.e2e.p50) : '–');
    setStat(s.e2e99, health.e2e.count ? C.fmtNs(health.e2e.p99) : '–');
    setStat(s.e2eMax, health.e2e.count ? C.fmtNs(health.e2e.max) : '–');
    const me = health.dashboard.perClient.find(function (c) { return c.id === probe.clientId; });
    setStat(s.skipped, me ? C.fmtCount(me.skipped) : '–');
    healthEl.sinks.textContent = '';
    const sinkItem = function (name, ok, text) {
      const li = el('li');
      li.appendChild(el('span', 'dot ' + (ok ? 'ok' : 'bad')));
      li.appendChild(el('span', null, name));
      li.appendChild(el('span', 'note', text));
      healthEl.sinks.appendChild(li);
    };
    for (const name of health.sinks) {
      sinkItem(name, sinkErrors === 0, sinkErrors === 0 ? 'ok' : sinkErrors + ' send errors (all sinks)');
    }
    sinkItem('dashboard', health.dashboard.eventsDropped === 0, health.dashboard.clients + ' tab(s), ' +
      C.fmtCount(health.dashboard.framesSent) + ' frames sent, ' + C.fmtCount(health.dashboard.framesSkipped) +
      ' skipped for slow tabs, ' + health.dashboard.eventsDropped + ' events dropped');
    healthEl.note.textContent = 'engine ' + health.engine + ', up ' + C.fmtTime(health.uptimeS);
  }

  // ------------------------------------------------------------------ drawing

  function columnsIn(g, f0, f1) {
    const first = Math.max(0, g.next - RING);
    let lo = g.next;
    for (let s = g.next - 1; s >= first; s--) {
      if (g.frame[s % RING] < f0) {
        break;
      }
      lo = s;
    }
    let hi = lo;
    while (hi < g.next && g.frame[hi % RING] <= f1) {
      hi++;
    }
    return [lo, hi];
  }

  function drawSpectrogram(g) {
    const canvas = g.el.spec;
    const ctx = C.fit(canvas);
    const w = canvas.clientWidth;
    const h = canvas.clientHeight;
    ctx.fillStyle = '#000';
    ctx.fillRect(0, 0, w, h);
    const now = nowFrame(g);
    if (now < 0 || !g.next) {
      ctx.fillStyle = 'rgba(255,255,255,0.6)';
      ctx.font = '13px ' + C.cssVar('--sans');
      ctx.fillText('waiting for audio…', 12, 22);
      return;
    }
    const rate = g.info.rate;
    const span = WINDOW_S * rate;
    const f0 = now - span;
    const x = function (f) { return (f - f0) / span * w; };
    const range = columnsIn(g, f0 - g.info.mel.hop, now);
    const n = range[1] - range[0];
    if (n > 0) {
      const bands = g.bands;
      if (!g.off || g.off.width < n) {
        // allocated once per graph (grown only if the window ever holds more columns): no garbage per frame
        const width = Math.max(n, Math.ceil(WINDOW_S * g.info.mel.columnsPerSecond) + 16);
        g.off = document.createElement('canvas');
        g.off.width = width;
        g.off.height = bands;
        g.image = g.off.getContext('2d').createImageData(width, bands);
        g.bytes = new Uint8Array(width * bands);
      }
      const bytes = g.bytes;
      for (let s = range[0]; s < range[1]; s++) {
        bytes.set(g.mel.subarray((s % RING) * bands, (s % RING + 1) * bands), (s - range[0]) * bands);
      }
      const r = C.autoRange(bytes, n * bands, hello.melFloorDb, hello.melTopDb);
      C.paintColumns(g.image, bytes, n, bands, r[0], r[1], 0);
      g.off.getContext('2d').putImageData(g.image, 0, 0, 0, 0, n, bands);
      const hop = g.info.mel.hop;
      const xa = x(g.frame[range[0] % RING] - hop / 2);
      const xb = x(g.frame[(range[1] - 1) % RING] + hop / 2);
      ctx.imageSmoothingEnabled = true;
      ctx.drawImage(g.off, 0, 0, n, bands, xa, 0, Math.max(1, xb - xa), h);
    }
    C.drawFreqAxis(ctx, h, g.bands, g.info.mel.minHz, g.info.mel.maxHz);
    // onsets along the top, beats along the bottom
    const onsetXs = [];
    for (let i = g.onsets.length - 1; i >= 0 && g.onsets[i].frame >= f0; i--) {
      onsetXs.push(x(g.onsets[i].frame));
    }
    C.ticks(ctx, onsetXs, 0, 10, C.cssVar('--onset'), 2);
    const beats = [];
    const downs = [];
    for (let i = g.beats.length - 1; i >= 0 && g.beats[i].frame >= f0; i--) {
      (g.beats[i].bar_pos === 1 ? downs : beats).push(x(g.beats[i].frame));
    }
    C.ticks(ctx, beats, h - 9, h, 'rgba(255,255,255,0.85)', 2);
    C.ticks(ctx, downs, h - 20, h, '#ffffff', 3);
    // time axis
    ctx.fillStyle = 'rgba(255,255,255,0.7)';
    ctx.font = '10px ' + C.cssVar('--mono');
    for (let t = Math.ceil(f0 / rate); t <= now / rate; t++) {
      if (t >= 0 && t % 2 === 0 && x(t * rate) > 44) {
        ctx.fillText(C.fmtTime(t).replace('.00', ''), x(t * rate) + 3, h - 12);
      }
    }
    if (g.el.colsInfo) {
      g.el.colsInfo.textContent = 'columns ' + C.fmtCount(g.next) + ' · skipped ' + C.fmtCount(probe.columnsSkipped);
    }
  }

  function drawNovelty(g) {
    const canvas = g.el.nov;
    const ctx = C.fit(canvas);
    const w = canvas.clientWidth;
    const h = canvas.clientHeight;
    ctx.clearRect(0, 0, w, h);
    ctx.fillStyle = C.cssVar('--panel-2');
    ctx.fillRect(0, 0, w, h);
    const now = nowFrame(g);
    if (now < 0 || !g.next) {
      return;
    }
    const span = WINDOW_S * g.info.rate;
    const f0 = now - span;
    const x = function (f) { return (f - f0) / span * w; };
    const range = columnsIn(g, f0, now);
    const n = range[1] - range[0];
    const xs = new Float32Array(n);
    const ys = new Float32Array(n);
    let max = 1e-9;
    for (let s = range[0]; s < range[1]; s++) {
      const i = s - range[0];
      xs[i] = x(g.frame[s % RING]);
      ys[i] = g.nov[s % RING];
      if (ys[i] > max) {
        max = ys[i];
      }
    }
    const onsetXs = [];
    for (let i = g.onsets.length - 1; i >= 0 && g.onsets[i].frame >= f0; i--) {
      onsetXs.push(x(g.onsets[i].frame));
    }
    C.ticks(ctx, onsetXs, 0, h, C.cssVar('--onset'), 1.5);
    C.polyline(ctx, xs, ys, n, h, max * 1.1, C.cssVar('--novelty'), 1.6);
    ctx.fillStyle = C.cssVar('--muted');
    ctx.font = '11px ' + C.cssVar('--sans');
    ctx.fillText('onset novelty', 6, 13);
  }

  function energyMean(g, arr, columns) {
    let sum = 0;
    let n = 0;
    for (let s = g.next - 1; s >= 0 && s >= g.next - columns && s >= g.next - RING; s--) {
      const v = arr[s % RING];
      if (isFinite(v)) {
        sum += Math.pow(10, v / 10);
        n++;
      }
    }
    return n ? 10 * Math.log10(Math.max(1e-12, sum / n)) : NaN;
  }

  function drawDenoiser(g) {
    if (!g.el.inMeter || !g.next) {
      return;
    }
    const cols = Math.max(1, Math.round(0.5 * g.info.mel.columnsPerSecond));
    const inDb = energyMean(g, g.inDb, cols);
    const outDb = energyMean(g, g.outDb, cols);
    meterSet(g.el.inMeter, inDb);
    meterSet(g.el.outMeter, outDb);
    const gain = outDb - inDb;
    probe.gainDb[g.info.id] = gain;
    g.el.gain.textContent = isFinite(gain) ? gain.toFixed(1) : '–';
    g.el.gain.dataset.db = isFinite(gain) ? String(gain) : '';
    g.el.reduction.textContent = isFinite(gain) ? Math.max(0, -gain).toFixed(1) : '–';
    const canvas = g.el.spark;
    const ctx = C.fit(canvas);
    const w = canvas.clientWidth;
    const h = canvas.clientHeight;
    ctx.clearRect(0, 0, w, h);
    ctx.fillStyle = C.cssVar('--panel-2');
    ctx.fillRect(0, 0, w, h);
    const n = Math.min(g.next, WINDOW_S * g.info.mel.columnsPerSecond, RING);
    const xs = new Float32Array(n);
    const ys = new Float32Array(n);
    for (let i = 0; i < n; i++) {
      const s = g.next - n + i;
      xs[i] = i / Math.max(1, n - 1) * w;
      const d = g.outDb[s % RING] - g.inDb[s % RING];
      ys[i] = isFinite(d) ? 30 + Math.max(-30, Math.min(0, d)) : NaN;
    }
    ctx.strokeStyle = C.cssVar('--line');
    ctx.beginPath();
    ctx.moveTo(0, 5.5);
    ctx.lineTo(w, 5.5);
    ctx.stroke();
    C.polyline(ctx, xs, ys, n, h, 30, C.cssVar('--out'), 1.5);
  }

  function drawTimeline() {
    if (!eventsPanel) {
      return;
    }
    const canvas = eventsPanel.canvas;
    const ctx = C.fit(canvas);
    const w = canvas.clientWidth;
    const h = canvas.clientHeight;
    ctx.clearRect(0, 0, w, h);
    const lanes = eventsPanel.lanes;
    let now = -1;
    for (const g of lanes) {
      now = Math.max(now, nowFrame(g) / g.info.rate);
    }
    if (now < 0) {
      return;
    }
    const span = Math.max(10, Math.min(TIMELINE_S, Math.ceil(now / 10) * 10));
    const t0 = now - span;
    const left = 90;
    const x = function (t) { return left + (t - t0) / span * (w - left - 8); };
    ctx.font = '11px ' + C.cssVar('--mono');
    ctx.fillStyle = C.cssVar('--muted');
    ctx.strokeStyle = C.cssVar('--line');
    const step = span > 20 ? 10 : 2;
    for (let t = Math.max(0, Math.ceil(t0 / step) * step); t <= now; t += step) {
      ctx.beginPath();
      ctx.moveTo(Math.round(x(t)) + 0.5, 0);
      ctx.lineTo(Math.round(x(t)) + 0.5, h - 14);
      ctx.stroke();
      ctx.fillText(C.fmtTime(t).replace('.00', ''), x(t) + 2, h - 3);
    }
    const laneH = (h - 20) / lanes.length;
    lanes.forEach(function (g, i) {
      const top = 4 + i * laneH;
      ctx.fillStyle = C.cssVar('--text');
      ctx.font = '12px ' + C.cssVar('--sans');
      ctx.fillText(g.info.name, 4, top + laneH / 2);
      ctx.fillStyle = C.cssVar('--panel-2');
      ctx.fillRect(left, top + 4, w - left - 8, laneH - 10);
      const visible = g.events.filter(function (e) { return (e.end != null ? e.end : e.t) >= t0; });
      C.eventBars(ctx, visible, x, top + 7, laneH - 16);
    });
  }

  let lastDraw = 0;

  /** Draws at most 30 times a second: a dashboard should not take the CPU the engine needs. */
  function frame(now) {
    requestAnimationFrame(frame);
    if (now - lastDraw < 32) {
      return;
    }
    lastDraw = now;
    for (const g of graphs) {
      try {
        if (g.el.spec) {
          drawSpectrogram(g);
        }
        if (g.el.nov) {
          drawNovelty(g);
        }
        if (g.el.inMeter) {
          drawDenoiser(g);
        }
      } catch (e) {
        probe.errors.push(String(e));
      }
    }
    drawTimeline();
  }

  document.addEventListener('DOMContentLoaded', function () {
    initTheme();
    connect();
    requestAnimationFrame(frame);
  });
})();
