// The settings' shape and defaults, without zod: the popup and the content scripts read settings
// too, and zod's schemas are built at load time, so they could not be left out of those bundles.
import type { VenueId } from './model';

/** storage.local key of the settings (not secret; only the background writes it). */
export const SETTINGS_KEY = 'settings';

export interface Settings {
  /** One click is the point: no confirmation by default. */
  confirmSingle: boolean;
  confirmCancelAll: boolean;
  notifications: boolean;
  sound: boolean;
  /** 0 means: lock only when the browser closes. */
  autoLockMinutes: number;
  disabledVenues: VenueId[];
  lastQuickCancelVenue?: VenueId;
}

export const DEFAULT_SETTINGS: Settings = {
  confirmSingle: false,
  confirmCancelAll: true,
  notifications: true,
  sound: false,
  autoLockMinutes: 30,
  disabledVenues: [],
};
