/** Dutch (06…, 0xx…) or international (+…, 00…) phone numbers, with spaces, dashes or brackets. */
export const phonePattern = /^(\+|00)?[0-9][0-9 ()-]{7,19}$/;
