/*
 * earshot: drawing and formatting shared by the live dashboard (live.js) and the static report (report.js).
 * Plain browser JavaScript, no build step, no third-party code.
 */
(function (global) {
  'use strict';

  /** Magma-like colour map, 256 RGBA entries, dark (quiet) to light (loud). */
  const STOPS = [
    [0, 0, 4], [20, 14, 54], [59, 15, 112], [100, 26, 128], [140, 41, 129], [183, 55, 121],
    [222, 73, 104], [246, 112, 92], [254, 159, 109], [254, 206, 145], [252, 253, 191]
  ];
  const COLORMAP = (function () {
    const lut = new Uint8ClampedArray(256 * 4);
    for (let i = 0; i < 256; i++) {
      const x = i / 255 * (STOPS.length - 1);
      const k = Math.min(STOPS.length - 2, Math.floor(x));
      const f = x - k;
      for (let c = 0; c < 3; c++) {
        lut[i * 4 + c] = STOPS[k][c] + (STOPS[k + 1][c] - STOPS[k][c]) * f;
      }
      lut[i * 4 + 3] = 255;
    }
    return lut;
  })();

  function cssVar(name) {
    return getComputedStyle(document.documentElement).getPropertyValue(name).trim() || '#888';
  }

  /** Sizes a canvas's backing store to its CSS size times the device pixel ratio; returns the context. */
  function fit(canvas) {
    const dpr = global.devicePixelRatio || 1;
    const w = Math.max(1, Math.round(canvas.clientWidth * dpr));
    const h = Math.max(1, Math.round(canvas.clientHeight * dpr));
    if (canvas.width !== w || canvas.height !== h) {
      canvas.width = w;
      canvas.height = h;
    }
    const ctx = canvas.getContext('2d');
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    return ctx;
  }

  function decodeBase64(text) {
    const bin = atob(text);
    const out = new Uint8Array(bin.length);
    for (let i = 0; i < bin.length; i++) {
      out[i] = bin.charCodeAt(i);
    }
    return out;
  }

  /** A stable colour for an event label. */
  function labelColor(label) {
    const known = { cough: '#d9541e', impact: '#c62828', fall: '#c62828', speech: '#2f6fd6', alarm: '#b67a00',
      glass: '#7a3fc4', sneeze: '#e07b00', scream: '#ad1457', knock: '#00897b', door: '#5d7a1f', dog: '#8d6e63' };
    if (known[label]) {
      return known[label];
    }
    let h = 0;
    for (let i = 0; i < label.length; i++) {
      h = (h * 31 + label.charCodeAt(i)) >>> 0;
    }
    return 'hsl(' + (h % 360) + ', 62%, 46%)';
  }

  function fmtNs(ns) {
    if (ns == null || ns < 0) {
      return '–';
    }
    if (ns < 1e3) {
      return ns.toFixed(0) + ' ns';
    }
    if (ns < 1e6) {
      return (ns / 1e3).toFixed(ns < 1e4 ? 1 : 0) + ' µs';
    }
    return (ns / 1e6).toFixed(ns < 1e7 ? 2 : 1) + ' ms';
  }

  function fmtTime(seconds) {
    if (seconds == null || !isFinite(seconds)) {
      return '–';
    }
    const m = Math.floor(seconds / 60);
    const s = seconds - m * 60;
    return m + ':' + (s < 10 ? '0' : '') + s.toFixed(2);
  }

  function fmtCount(n) {
    if (n == null || n < 0) {
      return '–';
    }
    return n.toLocaleString('en-US');
  }

  /**
   * Paints mel columns into an ImageData: one pixel per column, one row per band (low bands at the bottom).
   * bytes: Uint8Array of n * bands values (0 = floorDb, 255 = topDb); lo/hi: byte range shown full scale.
   */
  function paintColumns(image, bytes, n, bands, lo, hi, firstColumn) {
    const data = image.data;
    const w = image.width;
    const span = Math.max(1, hi - lo);
    for (let c = 0; c < n; c++) {
      const x = firstColumn + c;
      if (x < 0 || x >= w) {
        continue;
      }
      for (let b = 0; b < bands; b++) {
        let v = (bytes[c * bands + b] - lo) / span;
        v = v < 0 ? 0 : v > 1 ? 1 : v;
        const k = (v * 255) | 0;
        const p = ((bands - 1 - b) * w + x) * 4;
        data[p] = COLORMAP[k * 4];
        data[p + 1] = COLORMAP[k * 4 + 1];
        data[p + 2] = COLORMAP[k * 4 + 2];
        data[p + 3] = 255;
      }
    }
  }

  /** The byte range to show: from 65 dB below the 99th percentile to it. */
  function autoRange(bytes, count, floorDb, topDb) {
    const hist = new Uint32Array(256);
    for (let i = 0; i < count; i++) {
      hist[bytes[i]]++;
    }
    let seen = 0;
    let hi = 255;
    for (let v = 255; v >= 0; v--) {
      seen += hist[v];
      if (seen >= count * 0.01) {
        hi = v;
        break;
      }
    }
    const perDb = 255 / (topDb - floorDb);
    hi = Math.max(hi, Math.round(45 * perDb));
    return [Math.max(0, hi - Math.round(65 * perDb)), hi];
  }

  /** Hz of a mel band's centre (Slaney scale), for axis labels. */
  function melBandHz(band, bands, minHz, maxHz) {
    const toMel = function (f) {
      return f < 1000 ? f * 3 / 200 : 15 + Math.log(f / 1000) / (Math.log(6.4) / 27);
    };
    const toHz = function (m) {
      return m < 15 ? m * 200 / 3 : 1000 * Math.exp((m - 15) * Math.log(6.4) / 27);
    };
    const lo = toMel(minHz);
    const hi = toMel(maxHz);
    return toHz(lo + (hi - lo) * (band + 1) / (bands + 1));
  }

  function drawFreqAxis(ctx, height, bands, minHz, maxHz) {
    ctx.save();
    ctx.font = '10px ' + cssVar('--mono');
    ctx.fillStyle = 'rgba(255,255,255,0.75)';
    ctx.strokeStyle = 'rgba(255,255,255,0.15)';
    const marks = [500, 1000, 2000, 4000, 8000, 16000];
    for (const hz of marks) {
      if (hz < minHz || hz > maxHz) {
        continue;
      }
      let band = 0;
      while (band < bands - 1 && melBandHz(band, bands, minHz, maxHz) < hz) {
        band++;
      }
      const y = height - (band + 0.5) / bands * height;
      ctx.beginPath();
      ctx.moveTo(0, y);
      ctx.lineTo(8, y);
      ctx.stroke();
      ctx.fillText(hz >= 1000 ? (hz / 1000) + 'k' : String(hz), 10, y + 3);
    }
    ctx.restore();
  }

  /** Draws a polyline of values (NaN breaks it) over x positions, scaled to [0, max]. */
  function polyline(ctx, xs, ys, n, height, max, color, width) {
    ctx.save();
    ctx.strokeStyle = color;
    ctx.lineWidth = width || 1.5;
    ctx.lineJoin = 'round';
    ctx.beginPath();
    let pen = false;
    for (let i = 0; i < n; i++) {
      const v = ys[i];
      if (v == null || !isFinite(v)) {
        pen = false;
        continue;
      }
      const y = height - 3 - Math.min(1, v / max) * (height - 8);
      if (pen) {
        ctx.lineTo(xs[i], y);
      } else {
        ctx.moveTo(xs[i], y);
        pen = true;
      }
    }
    ctx.stroke();
    ctx.restore();
  }

  function ticks(ctx, xs, top, bottom, color, width) {
    ctx.save();
    ctx.strokeStyle = color;
    ctx.lineWidth = width || 1;
    ctx.beginPath();
    for (const x of xs) {
      ctx.moveTo(Math.round(x) + 0.5, top);
      ctx.lineTo(Math.round(x) + 0.5, bottom);
    }
    ctx.stroke();
    ctx.restore();
  }

  /** Event bars in one lane: events [{label,start,end,confidence}], x(t) maps seconds to pixels. */
  function eventBars(ctx, events, x, top, height) {
    ctx.save();
    ctx.font = '11px ' + cssVar('--sans');
    ctx.textBaseline = 'middle';
    let labelEnd = -Infinity;
    for (const e of events) {
      const start = e.start != null ? e.start : e.t;
      const end = e.end != null ? e.end : start + 0.2;
      const x0 = x(start);
      const x1 = Math.max(x0 + 3, x(end));
      ctx.globalAlpha = 0.35 + 0.65 * Math.max(0, Math.min(1, e.confidence != null ? e.confidence : 1));
      ctx.fillStyle = labelColor(e.label || e.type);
      ctx.fillRect(x0, top, x1 - x0, height);
      ctx.globalAlpha = 1;
      const text = e.label || e.type;
      const tw = ctx.measureText(text).width;
      if (x1 - x0 >= tw + 6) {
        ctx.fillStyle = '#ffffff';
        ctx.fillText(text, x0 + 3, top + height / 2);
        labelEnd = x0 + 3 + tw;
      } else if (x1 + 3 > labelEnd + 4) {
        ctx.fillStyle = cssVar('--text');
        ctx.fillText(text, x1 + 3, top + height / 2);
        labelEnd = x1 + 3 + tw;
      }
    }
    ctx.restore();
  }

  global.EarshotCommon = {
    COLORMAP: COLORMAP,
    cssVar: cssVar,
    fit: fit,
    decodeBase64: decodeBase64,
    labelColor: labelColor,
    fmtNs: fmtNs,
    fmtTime: fmtTime,
    fmtCount: fmtCount,
    paintColumns: paintColumns,
    autoRange: autoRange,
    melBandHz: melBandHz,
    drawFreqAxis: drawFreqAxis,
    polyline: polyline,
    ticks: ticks,
    eventBars: eventBars
  };
})(window);
