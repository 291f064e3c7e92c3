/** The largest logo accepted, in bytes (512 KB): shared by the domain and the upload form. */
export const MAX_LOGO_BYTES = 512 * 1024;
