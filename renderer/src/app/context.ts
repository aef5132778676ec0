// React access to the store and the controller.
import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
import type { AppState, AppStore } from '../store/appState';
import type { Controller } from '../store/controller';

export interface AppContextValue { store: AppStore; controller: Controller }

export const AppContext = createContext<AppContextValue | null>(null);

function useAppContext(): AppContextValue {
  const ctx = useContext(AppContext);
  if (!ctx) throw new Error('AppContext missing');
  return ctx;
}

export function useApp<T>(selector: (s: AppState) => T): T {
  return useStore(useAppContext().store, selector);
}

export function useController(): Controller {
  return useAppContext().controller;
}

export function useStoreApi(): AppStore {
  return useAppContext().store;
}
