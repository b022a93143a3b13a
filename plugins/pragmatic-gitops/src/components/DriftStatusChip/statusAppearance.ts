import { ComponentType } from 'react';
import { SvgIconProps } from '@material-ui/core/SvgIcon';
import AddCircleOutlineIcon from '@material-ui/icons/AddCircleOutline';
import CheckCircleIcon from '@material-ui/icons/CheckCircle';
import ErrorIcon from '@material-ui/icons/Error';
import HelpOutlineIcon from '@material-ui/icons/HelpOutline';
import InfoIcon from '@material-ui/icons/Info';
import RemoveCircleOutlineIcon from '@material-ui/icons/RemoveCircleOutline';
import ScheduleIcon from '@material-ui/icons/Schedule';
import {
  DriftStatus,
  ResourceDriftStatus,
} from '@pragmatic-gitops/plugin-pragmatic-gitops-common';

/** The colour family of a status. */
export type StatusTone = 'success' | 'error' | 'info' | 'warning' | 'neutral';

/** How a status looks: its words, icon and colour. */
export type StatusAppearance = {
  label: string;
  description: string;
  tone: StatusTone;
  Icon: ComponentType<SvgIconProps>;
};

/** Every entity drift status, as the whole UI shows it. */
export const DRIFT_STATUS_APPEARANCE: Record<DriftStatus, StatusAppearance> = {
  'in-sync': {
    label: 'In sync',
    description: 'Live matches Git.',
    tone: 'success',
    Icon: CheckCircleIcon,
  },
  drifted: {
    label: 'Drifted',
    description: 'Live differs from Git and no open hotfix explains it.',
    tone: 'error',
    Icon: ErrorIcon,
  },
  explained: {
    label: 'Explained',
    description: 'Every drifted field is covered by an open hotfix.',
    tone: 'info',
    Icon: InfoIcon,
  },
  pending: {
    label: 'Pending',
    description: 'Imperative changes are waiting to be applied.',
    tone: 'warning',
    Icon: ScheduleIcon,
  },
  unknown: {
    label: 'Unknown',
    description: 'Desired or live state could not be read.',
    tone: 'neutral',
    Icon: HelpOutlineIcon,
  },
  'not-tracked': {
    label: 'Not tracked',
    description: 'The entity does not declare a deployment track.',
    tone: 'neutral',
    Icon: RemoveCircleOutlineIcon,
  },
};

/** Every resource drift status. */
export const RESOURCE_STATUS_APPEARANCE: Record<
  ResourceDriftStatus,
  StatusAppearance
> = {
  'in-sync': DRIFT_STATUS_APPEARANCE['in-sync'],
  drifted: {
    ...DRIFT_STATUS_APPEARANCE.drifted,
    description: 'Live differs from Git.',
  },
  missing: {
    label: 'Missing',
    description: 'Declared in Git but not found live.',
    tone: 'error',
    Icon: RemoveCircleOutlineIcon,
  },
  extra: {
    label: 'Extra',
    description: 'Found live but no longer declared in Git.',
    tone: 'warning',
    Icon: AddCircleOutlineIcon,
  },
};

/** The appearance of a status the UI does not know (a newer backend). */
export function unknownAppearance(status: string): StatusAppearance {
  return {
    label: status,
    description: `Status "${status}"`,
    tone: 'neutral',
    Icon: HelpOutlineIcon,
  };
}
