export * from './text';
export * from './pdf-text';
export * from './docx-text';
