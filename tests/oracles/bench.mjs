// Times npm twitter-text's parseTweet on the same 5,000-character post Ferry's criterion bench
// measures (crates/ferry-networks/benches/measure.rs), and prints mean and p99 in microseconds:
//   node tests/oracles/bench.mjs
import twitter from 'twitter-text';

const PARAGRAPH = '今天天气很好，我们去公园散步。The weather is lovely today, let\'s walk in the park! '
  + '🌳👨‍👩‍👧 https://example.com/park?day=sat #周末 @alice 看看这个：example.org/路径 \n';
const chars = Array.from(PARAGRAPH);
const text = Array.from({ length: 5000 }, (_, i) => chars[i % chars.length]).join('');

for (let i = 0; i < 200; i += 1) twitter.parseTweet(text); // warm up the JIT
const samples = [];
for (let i = 0; i < 2000; i += 1) {
  const start = process.hrtime.bigint();
  twitter.parseTweet(text);
  samples.push(Number(process.hrtime.bigint() - start) / 1000);
}
samples.sort((a, b) => a - b);
const mean = samples.reduce((a, b) => a + b, 0) / samples.length;
const p99 = samples[Math.floor(samples.length * 0.99)];
console.log(JSON.stringify({ library: 'twitter-text 3.1.0', node: process.version, chars: Array.from(text).length, meanMicros: mean, p99Micros: p99, weightedLength: twitter.parseTweet(text).weightedLength }));
