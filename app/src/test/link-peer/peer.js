// A real Ableton Link peer for LinkIT: Ableton's Link library (built from source by abletonlink-addon) joins the
// session on this machine's interfaces and prints one JSON line every --interval ms:
//   {"wall_ms": epoch ms (sub-ms), "peers": peers in its session, "tempo": BPM, "beat": beat, "phase": beat mod
//    quantum, "playing": start/stop state}
// usage: node peer.js [--tempo BPM] [--interval MS] [--quantum Q] [--duration S]
// stdin: "tempo BPM", "play", "stop", "quit", one per line.
const AbletonLink = require('abletonlink-addon');

const args = process.argv.slice(2);
const opt = (name, def) => {
  const i = args.indexOf('--' + name);
  return i >= 0 ? Number(args[i + 1]) : def;
};
const tempo = opt('tempo', NaN);
const interval = opt('interval', 100);
const quantum = opt('quantum', 4);
const duration = opt('duration', 0);

const link = new AbletonLink();
link.setQuantum(quantum);
link.enable();
link.enableStartStopSync();
if (!Number.isNaN(tempo)) {
  link.setTempo(tempo);
}
const wallMs = () => performance.timeOrigin + performance.now();
setInterval(() => {
  const t = wallMs();
  console.log(JSON.stringify({
    wall_ms: t, peers: link.getNumPeers(), tempo: link.getTempo(), beat: link.getBeat(), phase: link.getPhase(),
    playing: link.isPlaying(),
  }));
}, interval);
process.stdin.setEncoding('utf8');
process.stdin.on('data', (d) => d.split('\n').forEach((line) => {
  const w = line.trim().split(/\s+/);
  if (w[0] === 'tempo') link.setTempo(Number(w[1]));
  if (w[0] === 'play') link.play();
  if (w[0] === 'stop') link.stop();
  if (w[0] === 'quit') { link.disable(); process.exit(0); }
}));
process.stdin.on('end', () => { link.disable(); process.exit(0); });
if (duration > 0) {
  setTimeout(() => { link.disable(); process.exit(0); }, duration * 1000);
}
