// Readability's own small HTML parser ships as a CommonJS file without types; it needs no DOM, so the
// background (a service worker in Chrome) and Node run it alike. Only what Crosscheck uses is typed.
declare module '@mozilla/readability/JSDOMParser.js' {
  export interface ParsedNode {
    nodeType: number;
    parentNode: ParsedNode | null;
    childNodes: ParsedNode[];
    textContent: string;
  }
  export interface ParsedElement extends ParsedNode {
    tagName: string;
    localName: string;
    className: string;
    id: string;
    children: ParsedElement[];
    getAttribute(name: string): string | null;
    getElementsByTagName(tag: string): ParsedElement[];
  }
  export interface ParsedDocument extends ParsedNode {
    title: string;
    baseURI: string;
    documentURI: string;
    documentElement: ParsedElement | undefined;
    head: ParsedElement | undefined;
    body: ParsedElement | undefined;
    getElementsByTagName(tag: string): ParsedElement[];
  }
  export default class JSDOMParser {
    errorState: string;
    parse(html: string, url?: string): ParsedDocument;
  }
}
