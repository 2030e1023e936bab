import { randomInt } from 'node:crypto';
import { makeCitizenId } from '@onego/codes';
import { signIn } from './client.ts';

/** A valid resident ID number unlikely to be registered yet (random birth date and sequence). */
export const randomCitizenId = () =>
  makeCitizenId({
    region: '430681',
    birthDate: `${1960 + randomInt(0, 40)}-0${1 + randomInt(0, 9)}-1${randomInt(0, 9)}`,
    sex: 'female',
    sequence: randomInt(0, 500),
  });

/** Registers and signs in a new citizen; retries with another ID in the unlikely case it is taken. */
export async function signInNew(origin: string, name = '测试公民') {
  for (let attempt = 0; attempt < 5; attempt++) {
    const idNumber = randomCitizenId();
    try {
      return await signIn(origin, { idNumber, name, phone: '13900000000', password: 'a-long-test-password' });
    } catch (error) {
      if (attempt === 4) throw error;
    }
  }
  throw new Error('unreachable');
}
