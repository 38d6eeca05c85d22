/**
 * National Provider Identifier check digit (45 CFR 162.406; CMS "NPI check digit" standard): the
 * Luhn formula over the prefix 80840 and the first nine digits gives the tenth. A mistyped NPI
 * fails here with a clear field error, instead of a payer rejection (AAA) a minute later.
 */
/** The prefix 80840's share of the Luhn sum: 8 + 0 + 8 + (4 doubled) 8 + 0. */
const NPI_PREFIX_SUM = 24;

/** True for a 10-digit NPI whose check digit is right. */
export function isValidNpi(npi: string): boolean {
  if (!/^[0-9]{10}$/.test(npi)) return false;
  // Luhn from the right over 80840 + NPI digits 1-9: digits 9, 7, 5, 3, 1 of the NPI are doubled.
  let sum = NPI_PREFIX_SUM;
  for (let i = 0; i < 9; i++) {
    let digit = npi.charCodeAt(i) - 48;
    if (i % 2 === 0) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return (10 - (sum % 10)) % 10 === npi.charCodeAt(9) - 48;
}
