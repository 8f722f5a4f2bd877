{
  "name": "{{packageName}}",
  "version": "0.1.0",
  "description": "Typed client for the {{displayName}} API, on @cf/core",
  "license": "MIT",
  "type": "module",
  "sideEffects": false,
  "engines": {
    "node": ">=20.19"
  },
  "exports": {
    ".": {
      "@cf/source": "./src/index.ts",
      "import": {
        "types": "./dist/index.d.ts",
        "default": "./dist/index.js"
      },
      "require": {
        "types": "./dist/index.d.cts",
        "default": "./dist/index.cjs"
      }
    },
    "./mocks": {
      "@cf/source": "./src/mocks/index.ts",
      "import": {
        "types": "./dist/mocks/index.d.ts",
        "default": "./dist/mocks/index.js"
      },
      "require": {
        "types": "./dist/mocks/index.d.cts",
        "default": "./dist/mocks/index.cjs"
      }
    },
    "./package.json": "./package.json"
  },
  "main": "./dist/index.cjs",
  "module": "./dist/index.js",
  "types": "./dist/index.d.ts",
  "files": [
    "dist",
    "README.md",
    "CHANGELOG.md"
  ],
  "keywords": [
    "connector",
    "{{name}}",
    "api-client",
    "typescript"
  ],
  "repository": {{repository}},
  "scripts": {
    "build": "tsup",
    "test": "vitest run",
    "typecheck": "tsc --noEmit -p tsconfig.json"
  },
  "dependencies": {
    "@cf/core": "{{coreRange}}",
    "zod": "{{zodRange}}"
  },
  "peerDependencies": {
    "msw": "^2.10.0"
  },
  "peerDependenciesMeta": {
    "msw": {
      "optional": true
    }
  },
  "devDependencies": {
    "@types/node": "{{typesNodeRange}}",
    "msw": "^2.10.0",
    "tsup": "{{tsupRange}}",
    "tsx": "{{tsxRange}}",
    "typescript": "{{typescriptRange}}",
    "vitest": "^4.0.0"
  },
  "publishConfig": {
    "access": "public",
    "exports": {
      ".": {
        "import": {
          "types": "./dist/index.d.ts",
          "default": "./dist/index.js"
        },
        "require": {
          "types": "./dist/index.d.cts",
          "default": "./dist/index.cjs"
        }
      },
      "./mocks": {
        "import": {
          "types": "./dist/mocks/index.d.ts",
          "default": "./dist/mocks/index.js"
        },
        "require": {
          "types": "./dist/mocks/index.d.cts",
          "default": "./dist/mocks/index.cjs"
        }
      },
      "./package.json": "./package.json"
    }
  }
}
