{
  "extends": "../../tsconfig.base.json",
  "include": ["src", "test", "examples", "*.config.ts"]
}
