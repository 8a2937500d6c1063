/** A key the bundles of this office are signed with or encrypted to: a partner's, or this office's own. */
export interface PartyKey {
  name: string;
  officeCode: string;
  /** The minisign key id, 16 upper-case hex digits. */
  keyId: string;
  minisignPublicKey: string;
  ageRecipient: string;
}
