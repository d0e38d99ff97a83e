/** IPv4 CIDR blocks as numbers, for checking the ranges drawn on zones and deriving free ones. */
export interface Cidr {
  /** First address, as an unsigned 32-bit number. */
  base: number;
  prefix: number;
}

/** A CIDR block, or a sentence saying why the text is not one (octets over 255, host bits set, ...). */
export function parseCidr(text: string): Cidr | string {
  const match = text.match(/^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\/(\d{1,2})$/);
  if (!match) return `${text} is not a CIDR block such as 10.0.0.0/16`;
  const octets = match.slice(1, 5).map(Number);
  const prefix = Number(match[5]);
  if (octets.some((octet) => octet > 255)) return `${text} has an address part above 255`;
  if (prefix > 32) return `${text} has a prefix longer than /32`;
  const base = octets.reduce((sum, octet) => sum * 256 + octet, 0);
  const size = 2 ** (32 - prefix);
  if (base % size !== 0) return `${text} has host bits set: the block starts at ${formatCidr({ base: base - (base % size), prefix })}`;
  return { base, prefix };
}

export function formatCidr(cidr: Cidr): string {
  const octets = [24, 16, 8, 0].map((shift) => Math.floor(cidr.base / 2 ** shift) % 256);
  return `${octets.join(".")}/${cidr.prefix}`;
}

function end(cidr: Cidr): number {
  return cidr.base + 2 ** (32 - cidr.prefix);
}

export function overlaps(a: Cidr, b: Cidr): boolean {
  return a.base < end(b) && b.base < end(a);
}

export function contains(outer: Cidr, inner: Cidr): boolean {
  return outer.prefix <= inner.prefix && outer.base <= inner.base && end(inner) <= end(outer);
}

/** Terraform's cidrsubnet(prefix, newbits, netnum); undefined when netnum does not fit in newbits. */
export function cidrSubnet(parent: Cidr, newbits: number, netnum: number): Cidr | undefined {
  const prefix = parent.prefix + newbits;
  if (prefix > 32 || netnum < 0 || netnum >= 2 ** newbits) return undefined;
  return { base: parent.base + netnum * 2 ** (32 - prefix), prefix };
}
