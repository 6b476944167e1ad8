import type { ButtonHTMLAttributes } from 'react';

export interface ButtonProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  variant?: 'primary' | 'secondary' | 'danger' | 'ghost';
}

const styles = {
  primary: 'bg-brand text-white hover:bg-brand-dark disabled:opacity-60',
  secondary: 'border border-line bg-surface text-ink hover:bg-gray-50 disabled:opacity-60',
  danger: 'border border-red-300 bg-surface text-red-800 hover:bg-red-50',
  ghost: 'text-ink hover:bg-black/5',
};

export function Button({ variant = 'primary', className = '', type = 'button', ...props }: ButtonProps) {
  return (
    <button
      type={type}
      className={`inline-flex min-h-11 items-center justify-center gap-2 rounded-lg px-4 text-base font-medium ${styles[variant]} ${className}`}
      {...props}
    />
  );
}
