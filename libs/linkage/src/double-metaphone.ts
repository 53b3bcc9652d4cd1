/**
 * Double Metaphone (Lawrence Philips, 2000): a primary and an alternate phonetic key for a
 * name, tolerant of English, Germanic, Slavic, Romance and other spellings. Written from the
 * published description of the algorithm. Keys are truncated to `maxLength` (4 by default).
 */
export type PhoneticKeys = readonly [primary: string, alternate: string];

const VOWEL = new Set(['A', 'E', 'I', 'O', 'U', 'Y']);

export function doubleMetaphone(input: string, maxLength = 4): PhoneticKeys {
  const word = input.toUpperCase().replace(/[^A-Z]/g, '');
  if (word.length === 0) return ['', ''];
  const len = word.length;
  const last = len - 1;
  const padded = word + '     ';
  let primary = '';
  let alternate = '';
  const add = (p: string, a: string = p): void => {
    primary += p;
    alternate += a;
  };
  const charAt = (i: number): string => (i >= 0 && i < padded.length ? padded[i] : '');
  const at = (start: number, ...options: string[]): boolean => {
    if (start < 0) return false;
    for (const o of options) if (padded.startsWith(o, start)) return true;
    return false;
  };
  const isVowel = (i: number): boolean => VOWEL.has(charAt(i));
  const slavoGermanic = /W|K|CZ|WITZ/.test(word);
  const germanic = at(0, 'VAN ', 'VON ', 'SCH');

  let i = 0;
  if (at(0, 'GN', 'KN', 'PN', 'WR', 'PS')) i = 1;
  if (charAt(0) === 'X') {
    add('S');
    i = 1;
  }

  while (i < len && (primary.length < maxLength || alternate.length < maxLength)) {
    const c = charAt(i);
    switch (c) {
      case 'A':
      case 'E':
      case 'I':
      case 'O':
      case 'U':
      case 'Y':
        if (i === 0) add('A');
        i += 1;
        break;
      case 'B':
        add('P');
        i += charAt(i + 1) === 'B' ? 2 : 1;
        break;
      case 'C':
        i = consonantC(i);
        break;
      case 'D':
        if (at(i, 'DG')) {
          if (at(i + 2, 'I', 'E', 'Y')) {
            add('J');
            i += 3;
          } else {
            add('TK');
            i += 2;
          }
        } else if (at(i, 'DT', 'DD')) {
          add('T');
          i += 2;
        } else {
          add('T');
          i += 1;
        }
        break;
      case 'F':
        add('F');
        i += charAt(i + 1) === 'F' ? 2 : 1;
        break;
      case 'G':
        i = consonantG(i);
        break;
      case 'H':
        if ((i === 0 || isVowel(i - 1)) && isVowel(i + 1)) {
          add('H');
          i += 2;
        } else i += 1;
        break;
      case 'J':
        i = consonantJ(i);
        break;
      case 'K':
        add('K');
        i += charAt(i + 1) === 'K' ? 2 : 1;
        break;
      case 'L':
        if (charAt(i + 1) === 'L') {
          const spanish =
            (i === len - 3 && at(i - 1, 'ILLO', 'ILLA', 'ALLE')) || ((at(last - 1, 'AS', 'OS') || at(last, 'A', 'O')) && at(i - 1, 'ALLE'));
          if (spanish) add('L', '');
          else add('L');
          i += 2;
        } else {
          add('L');
          i += 1;
        }
        break;
      case 'M':
        add('M');
        i += (at(i - 1, 'UMB') && (i + 1 === last || at(i + 2, 'ER'))) || charAt(i + 1) === 'M' ? 2 : 1;
        break;
      case 'N':
        add('N');
        i += charAt(i + 1) === 'N' ? 2 : 1;
        break;
      case 'P':
        if (charAt(i + 1) === 'H') {
          add('F');
          i += 2;
        } else {
          add('P');
          i += at(i + 1, 'P', 'B') ? 2 : 1;
        }
        break;
      case 'Q':
        add('K');
        i += charAt(i + 1) === 'Q' ? 2 : 1;
        break;
      case 'R':
        if (i === last && !slavoGermanic && at(i - 2, 'IE') && !at(i - 4, 'ME', 'MA')) add('', 'R');
        else add('R');
        i += charAt(i + 1) === 'R' ? 2 : 1;
        break;
      case 'S':
        i = consonantS(i);
        break;
      case 'T':
        if (at(i, 'TION', 'TIA', 'TCH')) {
          add('X');
          i += at(i, 'TCH') ? 3 : 3;
          break;
        }
        if (at(i, 'TH', 'TTH')) {
          if (at(i + 2, 'OM', 'AM') || germanic) add('T');
          else add('0', 'T');
          i += 2;
          break;
        }
        add('T');
        i += at(i + 1, 'T', 'D') ? 2 : 1;
        break;
      case 'V':
        add('F');
        i += charAt(i + 1) === 'V' ? 2 : 1;
        break;
      case 'W':
        if (at(i, 'WR')) {
          add('R');
          i += 2;
          break;
        }
        if (i === 0 && (isVowel(i + 1) || at(i, 'WH'))) {
          if (isVowel(i + 1)) add('A', 'F');
          else add('A');
        }
        if ((i === last && isVowel(i - 1)) || at(i - 1, 'EWSKI', 'EWSKY', 'OWSKI', 'OWSKY') || at(0, 'SCH')) {
          add('', 'F');
          i += 1;
          break;
        }
        if (at(i, 'WICZ', 'WITZ')) {
          add('TS', 'FX');
          i += 4;
          break;
        }
        i += 1;
        break;
      case 'X':
        if (!(i === last && (at(i - 3, 'IAU', 'EAU') || at(i - 2, 'AU', 'OU')))) add('KS');
        i += at(i + 1, 'C', 'X') ? 2 : 1;
        break;
      case 'Z':
        if (charAt(i + 1) === 'H') {
          add('J');
          i += 2;
          break;
        }
        if (at(i + 1, 'ZO', 'ZI', 'ZA') || (slavoGermanic && i > 0 && charAt(i - 1) !== 'T')) add('S', 'TS');
        else add('S');
        i += charAt(i + 1) === 'Z' ? 2 : 1;
        break;
      default:
        i += 1;
    }
  }
  return [primary.slice(0, maxLength), alternate.slice(0, maxLength)];

  function consonantC(pos: number): number {
    if (
      pos > 1 &&
      !isVowel(pos - 2) &&
      at(pos - 1, 'ACH') &&
      charAt(pos + 2) !== 'I' &&
      (charAt(pos + 2) !== 'E' || at(pos - 2, 'BACHER', 'MACHER'))
    ) {
      add('K');
      return pos + 2;
    }
    if (pos === 0 && at(pos, 'CAESAR')) {
      add('S');
      return pos + 2;
    }
    if (at(pos, 'CHIA')) {
      add('K');
      return pos + 2;
    }
    if (at(pos, 'CH')) {
      if (pos > 0 && at(pos, 'CHAE')) {
        add('K', 'X');
        return pos + 2;
      }
      if (pos === 0 && (at(pos + 1, 'HARAC', 'HARIS') || at(pos + 1, 'HOR', 'HYM', 'HIA', 'HEM')) && !at(0, 'CHORE')) {
        add('K');
        return pos + 2;
      }
      if (
        germanic ||
        at(pos - 2, 'ORCHES', 'ARCHIT', 'ORCHID') ||
        at(pos + 2, 'T', 'S') ||
        ((at(pos - 1, 'A', 'O', 'U', 'E') || pos === 0) && at(pos + 2, 'L', 'R', 'N', 'M', 'B', 'H', 'F', 'V', 'W', ' '))
      ) {
        add('K');
      } else if (pos > 0) {
        if (at(0, 'MC')) add('K');
        else add('X', 'K');
      } else add('X');
      return pos + 2;
    }
    if (at(pos, 'CZ') && !at(pos - 2, 'WICZ')) {
      add('S', 'X');
      return pos + 2;
    }
    if (at(pos + 1, 'CIA')) {
      add('X');
      return pos + 3;
    }
    if (at(pos, 'CC') && !(pos === 1 && charAt(0) === 'M')) {
      if (at(pos + 2, 'I', 'E', 'H') && !at(pos + 2, 'HU')) {
        if ((pos === 1 && charAt(pos - 1) === 'A') || at(pos - 1, 'UCCEE', 'UCCES')) add('KS');
        else add('X');
        return pos + 3;
      }
      add('K');
      return pos + 2;
    }
    if (at(pos, 'CK', 'CG', 'CQ')) {
      add('K');
      return pos + 2;
    }
    if (at(pos, 'CI', 'CE', 'CY')) {
      if (at(pos, 'CIO', 'CIE', 'CIA')) add('S', 'X');
      else add('S');
      return pos + 2;
    }
    add('K');
    if (at(pos + 1, ' C', ' Q', ' G')) return pos + 3;
    if (at(pos + 1, 'C', 'K', 'Q') && !at(pos + 1, 'CE', 'CI')) return pos + 2;
    return pos + 1;
  }

  function consonantG(pos: number): number {
    const next = charAt(pos + 1);
    if (next === 'H') {
      if (pos > 0 && !isVowel(pos - 1)) {
        add('K');
        return pos + 2;
      }
      if (pos === 0) {
        if (charAt(pos + 2) === 'I') add('J');
        else add('K');
        return pos + 2;
      }
      if ((pos > 1 && at(pos - 2, 'B', 'H', 'D')) || (pos > 2 && at(pos - 3, 'B', 'H', 'D')) || (pos > 3 && at(pos - 4, 'B', 'H'))) {
        return pos + 2;
      }
      if (pos > 2 && charAt(pos - 1) === 'U' && at(pos - 3, 'C', 'G', 'L', 'R', 'T')) add('F');
      else if (pos > 0 && charAt(pos - 1) !== 'I') add('K');
      return pos + 2;
    }
    if (next === 'N') {
      if (pos === 1 && isVowel(0) && !slavoGermanic) add('KN', 'N');
      else if (!at(pos + 2, 'EY') && !slavoGermanic) add('N', 'KN');
      else add('KN');
      return pos + 2;
    }
    if (at(pos + 1, 'LI') && !slavoGermanic) {
      add('KL', 'L');
      return pos + 2;
    }
    if (pos === 0 && (next === 'Y' || at(pos + 1, 'ES', 'EP', 'EB', 'EL', 'EY', 'IB', 'IL', 'IN', 'IE', 'EI', 'ER'))) {
      add('K', 'J');
      return pos + 2;
    }
    if ((at(pos + 1, 'ER') || next === 'Y') && !at(0, 'DANGER', 'RANGER', 'MANGER') && !at(pos - 1, 'E', 'I') && !at(pos - 1, 'RGY', 'OGY')) {
      add('K', 'J');
      return pos + 2;
    }
    if (at(pos + 1, 'E', 'I', 'Y') || at(pos - 1, 'AGGI', 'OGGI')) {
      if (at(0, 'VAN ', 'VON ', 'SCH') || at(pos + 1, 'ET')) add('K');
      else if (at(pos + 1, 'IER ')) add('J');
      else add('J', 'K');
      return pos + 2;
    }
    add('K');
    return next === 'G' ? pos + 2 : pos + 1;
  }

  function consonantJ(pos: number): number {
    if (at(pos, 'JOSE') || at(0, 'SAN ')) {
      if ((pos === 0 && charAt(pos + 4) === ' ') || at(0, 'SAN ')) add('H');
      else add('J', 'H');
      return pos + 1;
    }
    if (pos === 0 && !at(pos, 'JOSE')) add('J', 'A');
    else if (isVowel(pos - 1) && !slavoGermanic && (charAt(pos + 1) === 'A' || charAt(pos + 1) === 'O')) add('J', 'H');
    else if (pos === last) add('J', '');
    else if (!at(pos + 1, 'L', 'T', 'K', 'S', 'N', 'M', 'B', 'Z') && !at(pos - 1, 'S', 'K', 'L')) add('J');
    return charAt(pos + 1) === 'J' ? pos + 2 : pos + 1;
  }

  function consonantS(pos: number): number {
    if (at(pos - 1, 'ISL', 'YSL')) return pos + 1;
    if (pos === 0 && at(pos, 'SUGAR')) {
      add('X', 'S');
      return pos + 1;
    }
    if (at(pos, 'SH')) {
      if (at(pos + 1, 'HEIM', 'HOEK', 'HOLM', 'HOLZ')) add('S');
      else add('X');
      return pos + 2;
    }
    if (at(pos, 'SIO', 'SIA', 'SIAN')) {
      if (!slavoGermanic) add('S', 'X');
      else add('S');
      return pos + 3;
    }
    if ((pos === 0 && at(pos + 1, 'M', 'N', 'L', 'W')) || at(pos + 1, 'Z')) {
      add('S', 'X');
      return at(pos + 1, 'Z') ? pos + 2 : pos + 1;
    }
    if (at(pos, 'SC')) {
      if (charAt(pos + 2) === 'H') {
        if (at(pos + 3, 'OO', 'ER', 'EN', 'UY', 'ED', 'EM')) {
          if (at(pos + 3, 'ER', 'EN')) add('X', 'SK');
          else add('SK');
          return pos + 3;
        }
        if (pos === 0 && !isVowel(3) && charAt(3) !== 'W') add('X', 'S');
        else add('X');
        return pos + 3;
      }
      if (at(pos + 2, 'I', 'E', 'Y')) {
        add('S');
        return pos + 3;
      }
      add('SK');
      return pos + 3;
    }
    if (pos === last && at(pos - 2, 'AI', 'OI')) add('', 'S');
    else add('S');
    return at(pos + 1, 'S', 'Z') ? pos + 2 : pos + 1;
  }
}
