/** Messages of the process editors (the rest of their texts are in strategy.messages.ts). */
export const processesMessages = {
  nb: {
    'processEdit.confirmDelete': 'Slette «{name}»? Det kan ikke angres.',
    'processEdit.confirmDeleteYes': 'Ja, slett',
    'processEdit.cancelDelete': 'Avbryt',
    'processEdit.deletedNamed': '«{name}» er slettet.',
  },
  en: {
    'processEdit.confirmDelete': 'Delete “{name}”? This cannot be undone.',
    'processEdit.confirmDeleteYes': 'Yes, delete',
    'processEdit.cancelDelete': 'Cancel',
    'processEdit.deletedNamed': '“{name}” has been deleted.',
  },
};
