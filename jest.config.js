/** Two projects: the engine and functions run in Node; the task pane runs in jsdom. */
const tsJest = ["ts-jest", { tsconfig: "tsconfig.json", diagnostics: false }];

module.exports = {
  projects: [
    {
      displayName: "node",
      testEnvironment: "node",
      roots: ["<rootDir>/test"],
      testMatch: ["**/*.test.ts"],
      testPathIgnorePatterns: ["/test/taskpane/"],
      transform: { "^.+\\.tsx?$": tsJest },
    },
    {
      displayName: "jsdom",
      testEnvironment: "jsdom",
      roots: ["<rootDir>/test/taskpane"],
      testMatch: ["**/*.test.ts", "**/*.test.tsx"],
      setupFilesAfterEnv: ["<rootDir>/test/taskpane/setup.ts"],
      transform: { "^.+\\.tsx?$": tsJest },
    },
  ],
};
