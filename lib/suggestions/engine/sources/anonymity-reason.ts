/**
 * Why a source was granted anonymity, as the article says it ("not authorised to speak publicly",
 * "requested anonymity", "on condition of anonymity"); null when it gives no reason.
 */
/** Why the source was granted anonymity, from the words around the mention. */
export function describeAnonymityReason(context: string): string | null {
  const notAuth = /\bnot (?:authori[sz]ed|allowed|permitted|cleared) to [\p{L}\s]+?(?=[,.;]|$|\sbecause\b)/u.exec(
    context,
  );
  if (notAuth) return notAuth[0].trim();
  if (
    /\b(?:requested|asked for|sought) anonymity|\b(?:asked|requested|declined) (?:not )?to be (?:named|identified)/.test(
      context,
    )
  )
    return "requested anonymity";
  if (
    /\bon (?:the )?condition of anonymity|\bon condition (?:that )?(?:he|she|they) (?:not )?be (?:named|identified)/.test(
      context,
    )
  )
    return "speaking on condition of anonymity";
  return null;
}
