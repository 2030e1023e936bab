// Birth medical certificate number (出生医学证明编号): one series letter and nine digits.
export const isBirthCertificateNumber = (value: string): boolean => /^[A-Z]\d{9}$/.test(value);
