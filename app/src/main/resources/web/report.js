/*
 * earshot static report: the dashboard's pictures for whole files, drawn from the data written into this page
 * by `earshot analyze --report` (nothing is fetched). One section per file: spectrogram with onsets and beats,
 * novelty, beats and tempo, events, levels, and tables.
 */
(function () {
  'use strict';
  const C = window.EarshotCommon;
  const data = JSON.parse(document.getElementById('earshot-report').textContent);
  const sections = [];
  let zoom = 1;

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

  function stat(parent, label, value) {
    const s = el('div', 'stat');
    s.appendChild(el('b', null, value));
    s.appendChild(el('span', null, label));
    parent.appendChild(s);
  }

  function median(values) {
    if (!values.length) {
      return null;
    }
    const v = values.slice().sort(function (a, b) { return a - b; });
    return v[Math.floor(v.length / 2)];
  }

  function build(file, index) {
    const events = file.events;
    const onsets = events.filter(function (e) { return e.type === 'onset'; });
    const beats = events.filter(function (e) { return e.type === 'beat'; });
    const sound = events.filter(function (e) { return e.type === 'event'; });
    const levels = events.filter(function (e) { return e.type === 'level'; });
    const duration = file.n ? file.t[file.n - 1] + file.mel.hop / file.rate : 0;
    const has = function (p) { return file.panels.indexOf(p) >= 0; };

    const p = el('section', 'panel report-file');
    p.id = 'file-' + index;
    const h = el('h2', null, 'File');
    h.appendChild(el('span', 'room', file.name));
    p.appendChild(h);
    const stats = el('div', 'stats');
    stat(stats, 'duration', C.fmtTime(duration));
    stat(stats, 'sample rate', file.rate + ' Hz');
    stat(stats, 'spectrogram columns', C.fmtCount(file.n) + (file.pool > 1 ? ' (pooled ×' + file.pool + ')' : ''));
    if (has('onsets')) {
      stat(stats, 'onsets', C.fmtCount(onsets.length));
    }
    if (has('beat')) {
      stat(stats, 'beats', C.fmtCount(beats.length));
      const bpm = median(beats.map(function (b) { return b.bpm; }).filter(function (x) { return x != null; }));
      stat(stats, 'median tempo (BPM)', bpm == null ? '–' : bpm.toFixed(1));
    }
    if (has('events')) {
      stat(stats, 'events', C.fmtCount(sound.length));
    }
    if (has('levels')) {
      stat(stats, 'level events', C.fmtCount(levels.length));
    }
    p.appendChild(stats);

    const scroller = el('div', 'scroller');
    const inner = el('div');
    scroller.appendChild(inner);
    p.appendChild(scroller);
    const lanes = [];
    const lane = function (title, cls, draw) {
      inner.appendChild(el('div', 'lane-title', title));
      const c = el('canvas', cls);
      inner.appendChild(c);
      lanes.push({ canvas: c, draw: draw });
    };
    const spec = { image: null };
    lane('spectrogram (log-mel, ' + file.mel.bands + ' bands' + (has('onsets') ? '; onsets on top' : '') +
      (has('beat') ? '; beats below, long = downbeat' : '') + ')', 'rspec', function (ctx, w, h, x) {
      drawSpectrogram(file, spec, ctx, w, h, x, onsets, beats);
    });
    if (has('novelty')) {
      lane('onset novelty and onsets', 'rlane', function (ctx, w, h, x) {
        ctx.fillStyle = C.cssVar('--panel-2');
        ctx.fillRect(0, 0, w, h);
        C.ticks(ctx, onsets.map(function (o) { return x(o.t); }), 0, h, C.cssVar('--onset'), 1);
        const xs = file.t.map(x);
        let max = 1e-9;
        for (const v of file.nov) {
          if (v != null && v > max) {
            max = v;
          }
        }
        C.polyline(ctx, xs, file.nov, file.n, h, max * 1.05, C.cssVar('--novelty'), 1.2);
      });
    }
    if (has('beat')) {
      lane('beats and tempo (BPM, 40 to 240)', 'rlane', function (ctx, w, h, x) {
        ctx.fillStyle = C.cssVar('--panel-2');
        ctx.fillRect(0, 0, w, h);
        C.ticks(ctx, beats.filter(function (b) { return b.bar_pos !== 1; }).map(function (b) { return x(b.t); }),
          h * 0.55, h, C.cssVar('--beat'), 1);
        C.ticks(ctx, beats.filter(function (b) { return b.bar_pos === 1; }).map(function (b) { return x(b.t); }),
          h * 0.25, h, C.cssVar('--beat'), 2);
        const xs = beats.map(function (b) { return x(b.t); });
        const ys = beats.map(function (b) { return b.bpm == null ? NaN : b.bpm - 40; });
        C.polyline(ctx, xs, ys, beats.length, h, 200, C.cssVar('--accent-2'), 1.5);
      });
    }
    if (has('events')) {
      lane('events', 'revents', function (ctx, w, h, x) {
        ctx.fillStyle = C.cssVar('--panel-2');
        ctx.fillRect(0, 0, w, h);
        C.eventBars(ctx, sound, x, 8, h - 16);
      });
    }
    lane(has('denoiser') ? 'levels (dBFS, -80 to 0): input, denoised output' : 'input level (dBFS, -80 to 0)', 'rlane',
      function (ctx, w, h, x) {
        ctx.fillStyle = C.cssVar('--panel-2');
        ctx.fillRect(0, 0, w, h);
        const xs = file.t.map(x);
        const shift = function (arr) {
          return arr.map(function (v) { return v == null ? NaN : Math.max(0, v + 80); });
        };
        C.polyline(ctx, xs, shift(file['in']), file.n, h, 80, C.cssVar('--in'), 1.2);
        if (has('denoiser')) {
          C.polyline(ctx, xs, shift(file.out), file.n, h, 80, C.cssVar('--out'), 1.2);
        }
      });
    lane('time', 'revents', function (ctx, w, h, x) {
      ctx.fillStyle = C.cssVar('--muted');
      ctx.strokeStyle = C.cssVar('--line');
      ctx.font = '11px ' + C.cssVar('--mono');
      const step = niceStep(duration / Math.max(1, w / 90));
      for (let t = 0; t <= duration; t += step) {
        ctx.beginPath();
        ctx.moveTo(Math.round(x(t)) + 0.5, 0);
        ctx.lineTo(Math.round(x(t)) + 0.5, 8);
        ctx.stroke();
        ctx.fillText(step >= 1 ? C.fmtTime(t).replace('.00', '') : C.fmtTime(t), x(t) + 2, 22);
      }
    });

    if (sound.length) {
      const table = el('table', 'alerts');
      const head = el('tr');
      for (const c of ['start', 'end', 'event', 'confidence', 'decided']) {
        head.appendChild(el('th', null, c));
      }
      table.appendChild(head);
      for (const e of sound) {
        const tr = el('tr');
        tr.appendChild(el('td', null, C.fmtTime(e.start)));
        tr.appendChild(el('td', null, C.fmtTime(e.end)));
        const td = el('td');
        const chip = el('span', 'chip', e.label);
        chip.style.background = C.labelColor(e.label || 'event');
        td.appendChild(chip);
        tr.appendChild(td);
        tr.appendChild(el('td', null, e.confidence == null ? '–' : e.confidence.toFixed(2)));
        tr.appendChild(el('td', null, C.fmtTime(e.decided)));
        table.appendChild(tr);
      }
      p.appendChild(table);
    }
    document.getElementById('panels').appendChild(p);
    sections.push({ file: file, inner: inner, lanes: lanes, duration: duration });
  }

  function niceStep(raw) {
    const steps = [0.5, 1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 1200, 3600];
    for (const s of steps) {
      if (s >= raw) {
        return s;
      }
    }
    return 7200;
  }

  function drawSpectrogram(file, spec, ctx, w, h, x, onsets, beats) {
    ctx.fillStyle = '#000';
    ctx.fillRect(0, 0, w, h);
    if (!file.n) {
      return;
    }
    if (!spec.image) {
      const bytes = C.decodeBase64(file.melData);
      const off = document.createElement('canvas');
      off.width = file.n;
      off.height = file.mel.bands;
      const image = off.getContext('2d').createImageData(file.n, file.mel.bands);
      const r = C.autoRange(bytes, bytes.length, data.melFloorDb, data.melTopDb);
      C.paintColumns(image, bytes, file.n, file.mel.bands, r[0], r[1], 0);
      off.getContext('2d').putImageData(image, 0, 0);
      spec.image = off;
    }
    const step = file.mel.hop * file.pool / file.rate;
    const xa = x(file.t[0] - step / 2);
    const xb = x(file.t[file.n - 1] + step / 2);
    ctx.imageSmoothingEnabled = true;
    ctx.drawImage(spec.image, 0, 0, file.n, file.mel.bands, xa, 0, Math.max(1, xb - xa), h);
    C.drawFreqAxis(ctx, h, file.mel.bands, file.mel.minHz, file.mel.maxHz);
    C.ticks(ctx, onsets.map(function (o) { return x(o.t); }), 0, 10, C.cssVar('--onset'), 1.5);
    C.ticks(ctx, beats.filter(function (b) { return b.bar_pos !== 1; }).map(function (b) { return x(b.t); }),
      h - 9, h, 'rgba(255,255,255,0.85)', 1.5);
    C.ticks(ctx, beats.filter(function (b) { return b.bar_pos === 1; }).map(function (b) { return x(b.t); }),
      h - 20, h, '#ffffff', 2.5);
  }

  function drawAll() {
    for (const s of sections) {
      s.inner.style.width = (zoom * 100) + '%';
      for (const l of s.lanes) {
        const ctx = C.fit(l.canvas);
        const w = l.canvas.clientWidth;
        const h = l.canvas.clientHeight;
        ctx.clearRect(0, 0, w, h);
        const d = Math.max(1e-6, s.duration);
        l.draw(ctx, w, h, function (t) { return t / d * w; });
      }
    }
  }

  function initTheme() {
    const themes = ['auto', 'light', 'dark'];
    const apply = function (t) {
      document.documentElement.dataset.theme = t;
      document.getElementById('theme-toggle').textContent = 'theme: ' + t;
    };
    const fromUrl = new URLSearchParams(location.search).get('theme');
    apply(themes.indexOf(fromUrl) >= 0 ? fromUrl : 'auto');
    document.getElementById('theme-toggle').addEventListener('click', function () {
      apply(themes[(themes.indexOf(document.documentElement.dataset.theme) + 1) % themes.length]);
      drawAll();
    });
  }

  document.getElementById('title').textContent = data.title + ' · ' + data.files.length + ' file(s) · ' +
    data.generated.replace('T', ' ').replace(/\.\d+Z$/, ' UTC');
  initTheme();
  data.files.forEach(build);
  document.getElementById('zoom').addEventListener('change', function (e) {
    zoom = Number(e.target.value);
    drawAll();
  });
  window.addEventListener('resize', drawAll);
  drawAll();
  window.__earshotReport = { files: data.files.length, drawn: true };
})();
