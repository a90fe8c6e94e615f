'use client';

import { useId, type ComponentPropsWithRef, type ReactNode } from 'react';
import { cx, focusRing } from './cx';
import { fieldClass, labelClass } from './field-styles';

export interface TextFieldProps extends Omit<ComponentPropsWithRef<'input'>, 'id' | 'list'> {
  label: string;
  hint?: ReactNode;
  /** Shown under the field and announced; marks the input invalid. */
  error?: string;
  /** Offered in the browser's completion list (a <datalist>). */
  suggestions?: readonly string[];
  /** Classes for the <input> itself; `className` styles the wrapper. */
  inputClassName?: string;
}

export function TextField({ label, hint, error, suggestions, className, inputClassName, ...rest }: TextFieldProps) {
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const listId = `${id}-list`;
  const describedBy = [hint ? hintId : '', error ? errorId : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div className={cx('flex flex-col gap-1.5', className)}>
      <label htmlFor={id} className={labelClass}>
        {label}
      </label>
      <input
        id={id}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        list={suggestions?.length ? listId : undefined}
        className={cx(fieldClass, focusRing, error && 'border-red-600 dark:border-red-400', inputClassName)}
        {...rest}
      />
      {suggestions && suggestions.length > 0 && (
        <datalist id={listId}>
          {suggestions.map((s) => (
            <option key={s} value={s} />
          ))}
        </datalist>
      )}
      {hint && (
        <p id={hintId} className="text-xs text-zinc-600 dark:text-zinc-400">
          {hint}
        </p>
      )}
      {/* Always present so a new message is announced as the user types. */}
      <p id={errorId} aria-live="polite" className="text-sm text-red-700 empty:hidden dark:text-red-300">
        {error}
      </p>
    </div>
  );
}
