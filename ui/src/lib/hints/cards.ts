// The hover cards of the hints panel, built as DOM nodes from the hints' fields — never from
// HTML strings, since dictionary glosses and hashtag tables are data, not markup.
//
//   const node = hintedText(document, pieces(text, hints, s.utf16Start, s.utf16End), labels);
//   container.replaceChildren(node);
//   container.onpointerover = (e) => cardOf((e.target as Element).closest(".hinted"));
//
// Each hinted piece is a focusable span; its card is built inside it the first time the word
// is pointed at or focused (`cardOf`), and CSS shows it on hover and on keyboard focus (see
// HintText.svelte), so the keyboard reaches every gloss the mouse does. Built lazily because a
// long post has thousands of hinted words and the panel is rebuilt after every pause in
// typing: cards built up front put five to ten more nodes per word into every rebuild, for
// cards nobody opens.
import type { Piece } from "./pieces";

export interface CardLabels {
  /** Shown when a Chinese word is not in the dictionary (pinyin only). */
  noGlosses: string;
  /** Heading for equivalents ("Equivalents"). */
  equivalents: string;
  /** Name of the Traditional form ("Traditional"). */
  traditional: string;
  /** A CC-CEDICT usage label (`internetSlang`, `taiwan` …) in the UI's language. */
  usage: (label: string) => string;
}

type Doc = Pick<Document, "createElement" | "createTextNode" | "createDocumentFragment">;

function el(doc: Doc, tag: string, className: string, text?: string, lang?: string): HTMLElement {
  const node = doc.createElement(tag);
  node.className = className;
  if (text !== undefined) node.textContent = text;
  if (lang) node.lang = lang;
  return node;
}

/** The card for one hinted piece. */
export function hintCard(doc: Doc, piece: Exclude<Piece, { kind: "plain" }>, labels: CardLabels): HTMLElement {
  const card = el(doc, "span", `card card-${piece.kind}`);
  card.setAttribute("role", "tooltip");
  const head = el(doc, "span", "card-head");
  card.append(head);
  const line = (className: string, text: string, lang?: string) => {
    if (text) card.append(el(doc, "span", `card-line ${className}`, text, lang));
  };

  switch (piece.kind) {
    case "word": {
      const { hint } = piece;
      head.append(el(doc, "span", "card-term", hint.text, "zh"));
      head.append(el(doc, "span", "card-pinyin", hint.pinyin));
      const best = hint.readings[0];
      if (best && best.traditional !== best.simplified && best.traditional !== hint.text) {
        line("card-variant", `${labels.traditional}: ${best.traditional}`, "zh-Hant");
      }
      if (hint.readings.length === 0) line("card-muted", labels.noGlosses);
      for (const reading of hint.readings.slice(0, 2)) {
        const prefix = hint.readings.length > 1 ? `${reading.pinyin}: ` : "";
        line("card-gloss", prefix + reading.glosses.join("; "));
      }
      if (hint.usage.length > 0) line("card-usage", hint.usage.map(labels.usage).join(" · "));
      break;
    }
    case "english": {
      const { hint } = piece;
      head.append(el(doc, "span", "card-term", hint.headword || hint.text, "en"));
      if (hint.phonetic) head.append(el(doc, "span", "card-pinyin", `/${hint.phonetic}/`));
      for (const chinese of hint.chinese) line("card-gloss", chinese, "zh");
      break;
    }
    case "note": {
      const { hint } = piece;
      head.append(el(doc, "span", "card-term", hint.term));
      line("card-gloss", hint.meaning);
      line("card-muted", hint.register);
      if (hint.equivalents.length > 0) {
        line("card-equivalents", `${labels.equivalents}: ${hint.equivalents.join(" · ")}`);
      }
      line("card-note", hint.note);
      break;
    }
    case "hashtag": {
      const { hint } = piece;
      head.append(el(doc, "span", "card-term", hint.tag));
      line("card-gloss", hint.meaning ?? "");
      if (hint.equivalents.length > 0) {
        line("card-equivalents", `${labels.equivalents}: ${hint.equivalents.join(" · ")}`);
      }
      break;
    }
  }
  return card;
}

let nextId = 0;

/** What a token's card is built from, until it is. */
const unbuilt = new WeakMap<Element, { doc: Doc; piece: Exclude<Piece, { kind: "plain" }>; labels: CardLabels }>();

/** The pieces as text, each hinted one a focusable span whose card `cardOf` builds. */
export function hintedText(doc: Doc, list: readonly Piece[], labels: CardLabels): DocumentFragment {
  const out = doc.createDocumentFragment();
  for (const piece of list) {
    if (piece.kind === "plain") {
      out.append(doc.createTextNode(piece.text));
      continue;
    }
    const token = el(doc, "span", `hinted hinted-${piece.kind}`);
    token.tabIndex = 0;
    token.dataset.kind = piece.kind;
    token.dataset.text = piece.text;
    token.append(el(doc, "span", "hinted-text", piece.text));
    unbuilt.set(token, { doc, piece, labels });
    out.append(token);
  }
  return out;
}

/**
 * The card of a token from `hintedText`, built and put inside it on the first call (the word
 * then names it in `aria-describedby`); `undefined` for anything else.
 */
export function cardOf(token: Element | null | undefined): HTMLElement | undefined {
  if (!token) return undefined;
  const built = token.lastElementChild;
  if (built instanceof HTMLElement && built.classList.contains("card")) return built;
  const from = unbuilt.get(token);
  if (!from) return undefined;
  unbuilt.delete(token);
  const card = hintCard(from.doc, from.piece, from.labels);
  card.id = `hint-card-${++nextId}`;
  token.setAttribute("aria-describedby", card.id);
  token.append(card);
  return card;
}
