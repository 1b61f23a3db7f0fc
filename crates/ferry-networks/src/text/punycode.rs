//! Punycode (RFC 3492) lengths, as npm `punycode` 1.4.1's `toASCII` produces them for one domain
//! label. twitter-text refuses a URL whose domain has a label that encodes to more than 63
//! characters, so only the encoded *length* matters here.

const BASE: u32 = 36;
const T_MIN: u32 = 1;
const T_MAX: u32 = 26;
const SKEW: u32 = 38;
const DAMP: u32 = 700;
const INITIAL_BIAS: u32 = 72;
const INITIAL_N: u32 = 128;
const MAX_INT: u32 = 0x7FFF_FFFF;

/// Length of `punycode.toASCII(label)`: the label's `.`-like separators (`.`, `。`, `．`, `｡`)
/// split it further; each part that holds a character above U+007E becomes `xn--` + its
/// Punycode encoding. `None` when the encoder would overflow (the library throws there).
pub fn to_ascii_len(label: &[u32]) -> Option<usize> {
    let mut total = 0;
    for (i, part) in label
        .split(|&c| matches!(c, 0x2E | 0x3002 | 0xFF0E | 0xFF61))
        .enumerate()
    {
        if i > 0 {
            total += 1; // the '.' joining the parts
        }
        total += if part.iter().any(|&c| c > 0x7E) {
            4 + encoded_len(part)?
        } else {
            part.len()
        };
    }
    Some(total)
}

/// Length of the Punycode encoding of `input` (code points; lone surrogates count as themselves).
fn encoded_len(input: &[u32]) -> Option<usize> {
    let basic = input.iter().filter(|&&c| c < 0x80).count();
    let mut out = basic + usize::from(basic > 0);
    let mut handled = basic;
    let mut n = INITIAL_N;
    let mut delta: u32 = 0;
    let mut bias = INITIAL_BIAS;
    while handled < input.len() {
        let m = input.iter().copied().filter(|&c| c >= n).min()?;
        let handled_plus_one = u32::try_from(handled + 1).ok()?;
        if m - n > (MAX_INT - delta) / handled_plus_one {
            return None;
        }
        delta += (m - n) * handled_plus_one;
        n = m;
        for &c in input {
            if c < n {
                delta = delta.checked_add(1).filter(|&d| d <= MAX_INT)?;
            }
            if c == n {
                let mut q = delta;
                let mut k = BASE;
                loop {
                    let t = if k <= bias {
                        T_MIN
                    } else if k >= bias + T_MAX {
                        T_MAX
                    } else {
                        k - bias
                    };
                    if q < t {
                        break;
                    }
                    out += 1;
                    q = (q - t) / (BASE - t);
                    k += BASE;
                }
                out += 1;
                bias = adapt(delta, handled_plus_one, handled == basic);
                delta = 0;
                handled += 1;
            }
        }
        delta += 1;
        n += 1;
    }
    Some(out)
}

fn adapt(delta: u32, num_points: u32, first_time: bool) -> u32 {
    let mut delta = if first_time { delta / DAMP } else { delta >> 1 };
    delta += delta / num_points;
    let mut k = 0;
    while delta > ((BASE - T_MIN) * T_MAX) >> 1 {
        delta /= BASE - T_MIN;
        k += BASE;
    }
    k + (BASE - T_MIN + 1) * delta / (delta + SKEW)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn len(s: &str) -> Option<usize> {
        to_ascii_len(&s.chars().map(u32::from).collect::<Vec<_>>())
    }

    #[test]
    fn known_encodings() {
        assert_eq!(len("example"), Some(7));
        assert_eq!(len("münchen"), Some("xn--mnchen-3ya".len()));
        assert_eq!(len("中国"), Some("xn--fiqs8s".len()));
        assert_eq!(len("bücher。例"), Some("xn--bcher-kva.xn--fsq".len()));
        assert_eq!(len("😀"), Some("xn--e28h".len()));
    }
}
