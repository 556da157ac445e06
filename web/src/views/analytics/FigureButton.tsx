import { createContext, useContext, type ReactNode } from 'react';
import type { Figure } from './figureKeys';

/** Opens the records behind a figure; the dashboard page provides it and shows the panel. */
const OpenRecordsContext = createContext<(figure: Figure) => void>(() => undefined);

export const OpenRecordsProvider = OpenRecordsContext.Provider;

export const useOpenRecords = () => useContext(OpenRecordsContext);

/**
 * A figure that opens the records behind it. Every number on the dashboard is one of these,
 * so nobody has to take a count on trust.
 */
export function FigureButton(props: {
  figure: Figure;
  children: ReactNode;
  className?: string;
  testId?: string;
}) {
  const { figure, children, className, testId } = props;
  const open = useOpenRecords();
  return (
    <button
      type="button"
      className={`figure-button ${className ?? ''}`.trim()}
      data-testid={testId}
      data-key={figure.key}
      data-unit-id={figure.unitId}
      data-value={figure.expected}
      title={figure.label}
      onClick={() => open(figure)}
    >
      {children}
    </button>
  );
}
