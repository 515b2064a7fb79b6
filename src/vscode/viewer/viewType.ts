/**
 * The viewer's custom-editor id, as package.json's `customEditors` declares it. In its own module so
 * that commands, code actions and tests open and recognise the viewer without importing its provider.
 */
export const VIEW_TYPE = 'provlog.viewer';
