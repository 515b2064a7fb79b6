// Entry of the webview bundle; the viewer and detail panel are built in later modules.
export {};
