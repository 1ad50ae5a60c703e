export declare const packageRoot: string;
/** Whether lib/ was compiled after every file in src/ and after scripts/compile.mjs. */
export declare function libIsFresh(root?: string): boolean;
