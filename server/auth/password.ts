import bcrypt from 'bcryptjs';

const COST = 10;

export const hashPassword = (plain: string) => bcrypt.hash(plain, COST);
export const verifyPassword = (plain: string, hash: string) => bcrypt.compare(plain, hash);

// Compared against when the username does not exist, so both cases take the same time.
export const DUMMY_HASH = '$2b$10$lkDh5z8raZNuBy0wxsrMH.eggddjbRIhJHHqxDN2G0YA47l3pRnPG';
