/**
 * Hover texts for the enum values users meet in provisioning logs. Lookups ignore case (sources
 * disagree: `Import` / `import`, `NonServiceFailure` / `nonServiceFailure`) and accept the integer
 * ordinals that diagnostic-settings exports write instead of names (formats.md §1.4).
 */
import { ACTION_LABELS, STATUS_LABELS, STEP_TYPE_LABELS } from '../common/record';

export interface EnumDoc {
  label: string;
  meaning: string;
}

/** Graph's placeholder for members added after the API version the client asked for. */
const FUTURE: EnumDoc = {
  label: 'Unknown future value',
  meaning: 'A value newer than this API version knows; the service used a member added later. Check the raw record.',
};

interface EnumTable {
  /** Member names by ordinal, as in the Graph CSDL enum. */
  ordinals: readonly string[];
  byLowerName: ReadonlyMap<string, EnumDoc>;
}

function table(ordinals: readonly string[], docs: Record<string, EnumDoc>): EnumTable {
  const byLowerName = new Map<string, EnumDoc>();
  for (const [name, doc] of Object.entries(docs)) byLowerName.set(name.toLowerCase(), doc);
  byLowerName.set('unknownfuturevalue', FUTURE);
  return { ordinals, byLowerName };
}

function lookup(t: EnumTable, value: string): EnumDoc | undefined {
  const v = value.trim();
  const name = /^\d+$/.test(v) ? t.ordinals[Number(v)] : v;
  return name === undefined ? undefined : t.byLowerName.get(name.toLowerCase());
}

const ACTIONS = table(['other', 'create', 'delete', 'disable', 'update', 'stagedDelete', 'unknownFutureValue'], {
  create: {
    label: ACTION_LABELS.create,
    meaning: 'No matching object was found in the target, so the service created one.',
  },
  update: {
    label: ACTION_LABELS.update,
    meaning: 'The object exists on both sides and the service changed one or more of its attributes in the target.',
  },
  delete: {
    label: ACTION_LABELS.delete,
    meaning:
      'The service deleted the object in the target, typically because it was deleted in the source, unassigned, or left the scope.',
  },
  disable: {
    label: ACTION_LABELS.disable,
    meaning:
      'The service disabled the object in the target instead of deleting it, typically because the source account was disabled or left the scope.',
  },
  stagedDelete: {
    label: ACTION_LABELS.stagedDelete,
    meaning:
      'A deletion the service recorded as staged rather than carried out at once. Microsoft lists the value without explaining it further; look for a later Delete of the same object.',
  },
  other: {
    label: ACTION_LABELS.other,
    meaning:
      'Anything that is not a create, update, delete or disable, including no-ops where source and target already match (often with a Skipped status).',
  },
});

const STATUSES = table(['success', 'failure', 'skipped', 'warning', 'unknownFutureValue'], {
  success: { label: STATUS_LABELS.success, meaning: 'The step or the whole change completed.' },
  failure: {
    label: STATUS_LABELS.failure,
    meaning: 'The step or change failed; the error code and reason say why.',
  },
  skipped: {
    label: STATUS_LABELS.skipped,
    meaning:
      'Nothing was done. Often expected: the service evaluates every object, including those out of scope, and skips objects already in sync.',
  },
  warning: {
    label: STATUS_LABELS.warning,
    meaning: 'The service finished with something worth checking, short of a failure; the steps say what.',
  },
});

const STEP_TYPES = table(
  ['import', 'scoping', 'matching', 'processing', 'referenceResolution', 'export', 'unknownFutureValue'],
  {
    import: {
      label: STEP_TYPE_LABELS.import,
      meaning: 'The service read the object (or the change to it) from the source system.',
    },
    scoping: {
      label: STEP_TYPE_LABELS.scoping,
      meaning: 'The service checked whether the object is in scope: assignment to the app, required role, scoping filters, active state.',
    },
    matching: {
      label: STEP_TYPE_LABELS.matching,
      meaning: 'The service looked the object up in the target through the matching attributes, to decide between create and update.',
    },
    processing: {
      label: STEP_TYPE_LABELS.processing,
      meaning: 'The service decided what to do with the object (create, update, skip…) from what import, scoping and matching found.',
    },
    referenceResolution: {
      label: STEP_TYPE_LABELS.referenceResolution,
      meaning: "The service translated references (a manager, a group's members) into the matching objects in the target.",
    },
    export: {
      label: STEP_TYPE_LABELS.export,
      meaning: 'The service wrote the change to the target system, or decided there was nothing to write.',
    },
    unknown: {
      label: STEP_TYPE_LABELS.unknown,
      meaning: 'The record carried a step type this viewer does not know; see the step name and description.',
    },
  },
);

const ERROR_CATEGORIES = table(['failure', 'nonServiceFailure', 'success', 'unknownFutureValue'], {
  failure: {
    label: 'Failure',
    meaning: 'A failure not marked as caused outside the provisioning service; it may lie in the service or be unclassified.',
  },
  nonServiceFailure: {
    label: 'Non-service failure',
    meaning:
      "A failure caused outside the provisioning service: the target app's answer, the data or the configuration. The fix is usually on your side or the app's.",
  },
  success: { label: 'Success', meaning: 'No failure is recorded in the error details.' },
});

const INITIATOR_TYPES = table(['user', 'application', 'system', 'unknownFutureValue'], {
  user: {
    label: 'User',
    meaning: 'A person started it, for example with provision on demand or a manual restart.',
  },
  application: {
    label: 'Application',
    meaning: 'An application (a service principal) started it, rather than a person or the scheduled service.',
  },
  system: {
    label: 'System',
    meaning: 'The provisioning service started it as part of its scheduled cycles.',
  },
});

export const describeAction = (value: string): EnumDoc | undefined => lookup(ACTIONS, value);
export const describeStatus = (value: string): EnumDoc | undefined => lookup(STATUSES, value);
export const describeStepType = (value: string): EnumDoc | undefined => lookup(STEP_TYPES, value);
export const describeErrorCategory = (value: string): EnumDoc | undefined => lookup(ERROR_CATEGORIES, value);
export const describeInitiatorType = (value: string): EnumDoc | undefined => lookup(INITIATOR_TYPES, value);
