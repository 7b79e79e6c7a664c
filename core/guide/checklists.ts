/** Each role's onboarding checklist: the guides listed for it, in the order given. */
export function checklistsOf(
  guides: readonly { id: string; roles: readonly string[]; checklist: boolean }[],
): Record<string, string[]> {
  const checklists: Record<string, string[]> = {};
  for (const guide of guides) {
    if (!guide.checklist) continue;
    for (const role of guide.roles) (checklists[role] ??= []).push(guide.id);
  }
  return checklists;
}
