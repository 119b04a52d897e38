// ESLint flat config: TypeScript rules plus the layer boundary of README.md (Layout) (the engine imports
// nothing from functions, taskpane, Office or React). test/architecture.test.ts checks the same in jest.
import tseslint from "typescript-eslint";

export default tseslint.config(
  { ignores: ["dist/**", "node_modules/**", "coverage/**", "test-results/**", "bench/results/**"] },
  ...tseslint.configs.recommended,
  {
    rules: {
      "@typescript-eslint/no-explicit-any": "off",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "no-template-curly-in-string": "error",
    },
  },
  {
    files: ["src/engine/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        { patterns: ["**/functions/**", "**/taskpane/**", "react", "react-dom", "@fluentui/*", "@microsoft/office-js", "office-*"] },
      ],
      "no-restricted-globals": ["error", "Office", "Excel", "CustomFunctions"],
    },
  },
  {
    files: ["**/*.js", "**/*.mjs", "scripts/**"],
    rules: { "@typescript-eslint/no-require-imports": "off" },
  }
);
