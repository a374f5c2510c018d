
      export type PossibleTypesResultData = {
  "possibleTypes": {
    "User": [
      "UserCore"
    ]
  }
};
      const result: PossibleTypesResultData = {
  "possibleTypes": {
    "User": [
      "UserCore"
    ]
  }
};
      export default result;
    