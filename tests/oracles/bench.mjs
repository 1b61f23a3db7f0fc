// Times npm twitter-text's parseTweet on the same 5,000-character post Ferry's criterion bench
// measures (crates/ferry-networks/benches/measure.rs), and prints mean and p99 in microseconds:
//   node tests/oracles/bench.mjs
import twitter from 'twitter-text';

const PARAGRAPH = '今天天气很好，我们去公园散步。The weather is lovely today, let\'s walk in the park! '
  + '🌳👨‍👩‍👧 https://example.com/park?day=sat #周末 @alice 看看这个：example.org/路径 \n';
const chars = Array.from(PARAGRAPH);
const text = Array.from({ length: 5000 }, (_, i) => chars[i % chars.length]).join('');

for (let i = 0; i < 200; i += 1) twitter.parseTweet(text); // warm up the JIT
// Wall-clock and on-CPU time per call, as the Rust bench reports them: on a shared machine the
// wall-clock p99 is mostly time spent waiting for a core. process.cpuUsage() is the whole
// process's CPU time (JIT and GC threads included), in microseconds.
const wall = [];
const cpu = [];
for (let i = 0; i < 2000; i += 1) {
  const start = process.hrtime.bigint();
  const startCpu = process.cpuUsage();
  twitter.parseTweet(text);
  const usedCpu = process.cpuUsage(startCpu);
  wall.push(Number(process.hrtime.bigint() - start) / 1000);
  cpu.push(usedCpu.user + usedCpu.system);
}
const stats = (samples) => {
  samples.sort((a, b) => a - b);
  return {
    mean: samples.reduce((a, b) => a + b, 0) / samples.length,
    p99: samples[Math.floor(samples.length * 0.99)],
  };
};
const w = stats(wall);
const c = stats(cpu);
console.log(JSON.stringify({
  library: 'twitter-text 3.1.0',
  node: process.version,
  chars: Array.from(text).length,
  meanMicros: w.mean,
  p99Micros: w.p99,
  cpuMeanMicros: c.mean,
  cpuP99Micros: c.p99,
  weightedLength: twitter.parseTweet(text).weightedLength,
}));
