'use client';

import { useId, type ComponentPropsWithRef } from 'react';
import { cx, focusRing } from './cx';
import { fieldClass, labelClass } from './field-styles';

export interface SelectOption {
  value: string;
  label: string;
}

export interface SelectFieldProps extends Omit<ComponentPropsWithRef<'select'>, 'id' | 'children'> {
  label: string;
  options: readonly SelectOption[];
  /** Put the label beside the select (toolbars) instead of above it (forms). */
  inline?: boolean;
}

export function SelectField({ label, options, inline = false, className, ...rest }: SelectFieldProps) {
  const id = useId();
  return (
    <div className={cx('flex gap-1.5', inline ? 'items-center' : 'flex-col', className)}>
      <label htmlFor={id} className={cx(labelClass, inline && 'whitespace-nowrap')}>
        {label}
      </label>
      <select id={id} className={cx(fieldClass, focusRing, 'pr-8')} {...rest}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}
