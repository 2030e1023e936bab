import { createHmac, timingSafeEqual } from 'node:crypto';

// A department fetches a supplied material by link, like a file in a government document
// exchange: the link names the material, expires, and is signed with a key only the platform
// holds, so it cannot be guessed, widened to another material, or used after it expires.

export interface MaterialLinks {
  hrefFor(materialId: string): string;
  /** True when the signature is ours, for this material, and the link has not expired. */
  verify(materialId: string, expires: number, signature: string): boolean;
}

export function createMaterialLinks(options: {
  origin: string;
  secret: string;
  ttlMs: number;
  clock: () => Date;
}): MaterialLinks {
  const sign = (materialId: string, expires: number) =>
    createHmac('sha256', options.secret).update(`${materialId}.${expires}`).digest('base64url');
  return {
    hrefFor(materialId) {
      const expires = Math.floor((options.clock().getTime() + options.ttlMs) / 1000);
      return `${options.origin}/api/materials/${materialId}?expires=${expires}&signature=${sign(materialId, expires)}`;
    },
    verify(materialId, expires, signature) {
      if (expires * 1000 < options.clock().getTime()) return false;
      const expected = Buffer.from(sign(materialId, expires));
      const given = Buffer.from(signature);
      return expected.length === given.length && timingSafeEqual(expected, given);
    },
  };
}
