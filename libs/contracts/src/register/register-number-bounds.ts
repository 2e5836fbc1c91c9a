/**
 * The highest number a register gives or records in one agency-year (999 999). A paper register
 * never comes near it; the bound keeps a number chosen by hand (`registerNumber`) from pushing the
 * next automatic number past what the register can write. The gateway, the campaign and the
 * register all refuse a number above it (`max`), the register's automatic next number included.
 */
export const MAX_REGISTER_NUMBER = 999_999;
