// The oracle process Ferry's differential tests talk to: one JSON request a line on stdin, one
// JSON answer a line on stdout, in order, until stdin closes. The answers come from the official
// libraries, pinned in package-lock.json:
//
//   {"kind":"x","text":"…"}        twitter-text parseTweet: weightedLength, valid, permillage,
//                                  validRangeEnd, displayRangeEnd, plus the extracted URLs
//   {"kind":"bluesky","text":"…"}  @atproto/api RichText.detectFacetsWithoutResolution: facets
//                                  as {byteStart, byteEnd, type, value}, graphemes, bytes
//
// A request the oracle cannot answer gets {"error":"…"} so the test can say which input broke.
import { createInterface } from 'node:readline';
import twitter from 'twitter-text';
import { RichText } from '@atproto/api';

const graphemes = new Intl.Segmenter();

function answerX(text) {
  const parsed = twitter.parseTweet(text);
  return {
    weightedLength: parsed.weightedLength,
    valid: parsed.valid,
    permillage: parsed.permillage,
    validRangeEnd: parsed.validRangeEnd,
    displayRangeEnd: parsed.displayRangeEnd,
    urls: twitter.extractUrlsWithIndices(text.normalize()).map((u) => ({ url: u.url, indices: u.indices })),
  };
}

function facetOf(facet) {
  const feature = facet.features[0];
  const { byteStart, byteEnd } = facet.index;
  if (feature.$type === 'app.bsky.richtext.facet#link') return { byteStart, byteEnd, type: 'link', value: feature.uri };
  if (feature.$type === 'app.bsky.richtext.facet#mention') return { byteStart, byteEnd, type: 'mention', value: feature.did };
  return { byteStart, byteEnd, type: 'tag', value: feature.tag };
}

function answerBluesky(text) {
  const rt = new RichText({ text });
  rt.detectFacetsWithoutResolution();
  let count = 0;
  for (const _ of graphemes.segment(text)) count += 1;
  return {
    facets: (rt.facets ?? []).map(facetOf),
    graphemes: count,
    bytes: Buffer.byteLength(text, 'utf8'),
  };
}

const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
for await (const line of lines) {
  if (line.trim() === '') continue;
  let answer;
  try {
    const request = JSON.parse(line);
    if (request.kind === 'x') answer = answerX(request.text);
    else if (request.kind === 'bluesky') answer = answerBluesky(request.text);
    else answer = { error: `unknown kind ${JSON.stringify(request.kind)}` };
  } catch (err) {
    answer = { error: String(err && err.message ? err.message : err) };
  }
  process.stdout.write(`${JSON.stringify(answer)}\n`);
}
